import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EmailField, NameField, PasswordField, TextField } from '../../graphql/fields';
import { OrganizationRole } from '../../authz/enums';
import { REINSTATEMENT_DAYS } from '../reinstatement/reinstatement.api';

export const EXPIRES_IN_DAYS_MAX = 30;

@InputType({ description: 'A project role an invitee receives on acceptance.' })
export class ProjectGrantInput {
  @Field(() => ID, { description: 'A project of the organization.' })
  projectId: string;

  @Field(() => ID, { description: 'A custom role of the organization or a built-in role.' })
  roleId: string;
}

/** How many rows one inviteMembers call takes. */
export const INVITE_MEMBERS_MAX = 100;

/** What every invitation of one call shares: the organization, the note, the expiry, whether to reinstate. */
@InputType('InvitationTerms', { description: 'What the invitations of one call share (a base, not in the schema).' })
abstract class InvitationTerms {
  @Field(() => ID, { description: 'The organization to invite into.' })
  organizationId: string;

  @TextField({ description: 'Shown in the email; at most 1,000 characters.' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: `1 to ${EXPIRES_IN_DAYS_MAX}; defaults to the server's INVITATION_TTL_DAYS.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EXPIRES_IN_DAYS_MAX)
  expiresInDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: `For someone who left or was removed from the organization in the last ${REINSTATEMENT_DAYS} days: accepting also restores the team memberships and project grants they held then (those whose team, project and role still exist). No effect for anyone else.`,
  })
  reinstate?: boolean | null;
}

/** The fields of one invitee, shared by inviteMember and each row of inviteMembers (one set of rules for both). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern needs a constructor taking any[]
function withInvitee<Base extends abstract new (...args: any[]) => object>(base: Base, name: string) {
  @InputType(`${name}Fields`, { description: 'The fields of one invitee (a base, not in the schema).' })
  abstract class Invitee extends base {
    @EmailField({ description: 'Compared case-insensitively; stored lowercase.' })
    email: string;

    @NameField({ nullable: true, description: "The invitee's name, for the email." })
    name?: string | null;

    @Field(() => OrganizationRole, { description: 'OWNER needs OWNERS_MANAGE.' })
    role: OrganizationRole;

    @Field(() => [ID], { nullable: true, description: 'Teams the invitee joins as TEAM_MEMBER; omitted means the default team. Not empty.' })
    @IsOptional()
    @ArrayMinSize(1, { message: 'Give at least one team, or omit teamIds for the default team.' })
    teamIds?: string[] | null;

    @Field(() => [ProjectGrantInput], {
      nullable: true,
      description: 'Project roles the invitee receives; each needs PROJECT_ACCESS_MANAGE and every permission of the role.',
    })
    projectGrants?: ProjectGrantInput[] | null;
  }
  return Invitee;
}

@InputType({ description: 'Whom to invite, with which organization role, teams and project grants.' })
export class InviteMemberInput extends withInvitee(InvitationTerms, 'InviteMemberInput') {}

@InputType({ description: 'One person of an inviteMembers call: the same fields and rules as inviteMember.' })
export class InviteeInput extends withInvitee(class {}, 'InviteeInput') {}

@InputType({ description: `1 to ${INVITE_MEMBERS_MAX} invitations sharing one organization, note, expiry and reinstate.` })
export class InviteMembersInput extends InvitationTerms {
  @Field(() => [InviteeInput], { description: `1 to ${INVITE_MEMBERS_MAX} invitees; each row succeeds or fails alone, with its own result in this order.` })
  @ArrayMinSize(1, { message: `Give 1 to ${INVITE_MEMBERS_MAX} invitations.` })
  @ArrayMaxSize(INVITE_MEMBERS_MAX, { message: `Give 1 to ${INVITE_MEMBERS_MAX} invitations.` })
  invitations: InviteeInput[];
}

@InputType({ description: 'The invitation to send again.' })
export class ResendInvitationInput {
  @Field(() => ID, { description: 'A PENDING or EXPIRED invitation.' })
  invitationId: string;
}

@InputType({ description: 'The invitation to revoke.' })
export class RevokeInvitationInput {
  @Field(() => ID, { description: 'A PENDING invitation.' })
  invitationId: string;
}

@InputType({ description: 'The invitation token, and the new account when there is no session.' })
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the invitation link.' })
  token: string;

  @NameField({ nullable: true, description: 'Only without a session: the new account’s name (required), or the taken-over account’s new name (optional).' })
  name?: string | null;

  @PasswordField({ nullable: true, description: 'Only without a session: the password of the new account, or of the unverified account taken over.' })
  password?: string | null;
}

@InputType({ description: 'The invitation token to decline.' })
export class DeclineInvitationInput {
  @Field(() => String, { description: 'The token from the invitation link.' })
  token: string;
}
