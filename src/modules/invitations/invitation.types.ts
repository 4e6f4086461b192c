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
  @Field(() => Project)
  project: Project;

  @Field(() => Role)
  role: Role;
}

@ObjectType()
export class InvitationPayload {
  @Field(() => Invitation)
  invitation: Invitation;
}

@ObjectType()
export class AcceptInvitationPayload {
  @Field(() => String, { nullable: true, description: 'A new session token, only when this call created the account.' })
  token: string | null;

  @Field(() => User)
  user: User;

  @Field(() => Organization)
  organization: Organization;
}

@ObjectType({ description: 'What the token holder may see of the organization.' })
export class InvitationOrganization {
  @Field(() => String)
  name: string;

  @Field(() => String)
  moniker: string;
}

@ObjectType()
export class InvitationInviter {
  @Field(() => String)
  name: string;
}

@ObjectType({ description: 'An invitation as its token holder sees it, before accepting.' })
export class InvitationPreview {
  @Field(() => String)
  email: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => OrganizationRole)
  role: OrganizationRole;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => InvitationOrganization)
  organization: InvitationOrganization;

  @Field(() => InvitationInviter, { nullable: true })
  invitedBy: InvitationInviter | null;
}
