import { Field, ObjectType } from 'type-graphql';
import { OrganizationRole } from '../../authz/enums';
import { connectionTypes } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { Role } from '../roles/role.entity';
import { Invitation, InvitationStatus } from './invitation.entity';

export const InvitationConnection = connectionTypes(Invitation, 'Invitation');

@ObjectType('InvitationProjectGrant', { description: 'A project role the invitee receives on acceptance.' })
export class InvitationProjectGrantView {
  @Field(() => Project, { description: 'The project.' })
  project: Project;

  @Field(() => Role, { description: 'The role on it.' })
  role: Role;
}

@ObjectType({ description: 'The invitation a mutation changed.' })
export class InvitationPayload {
  @Field(() => Invitation, { description: 'The invitation.' })
  invitation: Invitation;
}

@ObjectType({ description: 'The membership an accepted invitation made.' })
export class AcceptInvitationPayload {
  @Field(() => String, { nullable: true, description: 'A new session token, when this call created the account or took over an unverified one.' })
  token: string | null;

  @Field(() => User, { description: 'The user who became a member.' })
  user: User;

  @Field(() => Organization, { description: 'The organization they joined.' })
  organization: Organization;
}

@ObjectType({ description: 'What the token holder may see of the organization.' })
export class InvitationOrganization {
  @Field(() => String, { description: "The organization's name." })
  name: string;

  @Field(() => String, { description: "The organization's current moniker." })
  moniker: string;
}

@ObjectType({ description: 'Who sent an invitation, as the token holder may see them.' })
export class InvitationInviter {
  @Field(() => String, { description: "The inviter's name." })
  name: string;
}

@ObjectType({ description: 'An invitation as its token holder sees it, before accepting.' })
export class InvitationPreview {
  @Field(() => String, { description: 'The invited address.' })
  email: string;

  @Field(() => String, { nullable: true, description: "The invitee's name, if the inviter gave one." })
  name: string | null;

  @Field(() => OrganizationRole, { description: 'The organization role the invitee would receive.' })
  role: OrganizationRole;

  @Field(() => InvitationStatus, { description: 'Where it stands: only PENDING can be accepted or declined.' })
  status: InvitationStatus;

  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt: Date;

  @Field(() => String, { nullable: true, description: "The inviter's note." })
  note: string | null;

  @Field(() => InvitationOrganization, { description: 'The organization inviting.' })
  organization: InvitationOrganization;

  @Field(() => InvitationInviter, { nullable: true, description: 'Who invited; null once their account is gone.' })
  invitedBy: InvitationInviter | null;
}

@ObjectType('FieldError', { description: 'An input field a refusal names, and why.' })
export class FieldErrorView {
  @Field(() => String, { description: "The input field's name, e.g. `email`." })
  field: string;

  @Field(() => String, { description: 'What is wrong with it.' })
  message: string;
}

@ObjectType({ description: 'Why one row of inviteMembers failed: the refusal inviteMember would have answered for it.' })
export class InviteMembersError {
  @Field(() => String, {
    description: 'The refusal code (CONTRACT.md, Errors): FORBIDDEN, BAD_USER_INPUT, CONFLICT, RATE_LIMITED, NOT_FOUND, or INTERNAL_SERVER_ERROR.',
  })
  code: string;

  @Field(() => String, { description: 'A readable reason.' })
  message: string;

  @Field(() => [FieldErrorView], { nullable: true, description: 'For BAD_USER_INPUT: the fields of the row at fault.' })
  fields: FieldErrorView[] | null;
}

@ObjectType({ description: 'The outcome of one row of inviteMembers: an invitation, or an error.' })
export class InviteMembersResult {
  @Field(() => String, { description: "The row's email (lowercase once valid)." })
  email: string;

  @Field(() => Invitation, { nullable: true, description: 'The invitation sent; null when the row failed.' })
  invitation: Invitation | null;

  @Field(() => InviteMembersError, { nullable: true, description: 'Why the row failed; null when it succeeded.' })
  error: InviteMembersError | null;
}

@ObjectType({ description: 'One result per invitation asked for, in input order.' })
export class InviteMembersPayload {
  @Field(() => [InviteMembersResult], { description: 'In the order of `input.invitations`.' })
  results: InviteMembersResult[];
}
