import { ArrayMinSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EmailField, NameField, PasswordField, TextField } from '../../graphql/fields';
import { OrganizationRole } from '../../authz/enums';

export const EXPIRES_IN_DAYS_MAX = 30;

@InputType({ description: 'A project role an invitee receives on acceptance.' })
export class ProjectGrantInput {
  @Field(() => ID, { description: 'A project of the organization.' })
  projectId: string;

  @Field(() => ID, { description: 'A custom role of the organization or a built-in role.' })
  roleId: string;
}

@InputType({ description: 'Whom to invite, with which organization role, teams and project grants.' })
export class InviteMemberInput {
  @Field(() => ID, { description: 'The organization to invite into.' })
  organizationId: string;

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

  @TextField({ description: 'Shown in the email; at most 1,000 characters.' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: `1 to ${EXPIRES_IN_DAYS_MAX}; defaults to the server's INVITATION_TTL_DAYS.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EXPIRES_IN_DAYS_MAX)
  expiresInDays?: number | null;
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

  @NameField({ nullable: true, description: 'Only without a session, to create the account.' })
  name?: string | null;

  @PasswordField({ nullable: true, description: 'Only without a session, to create the account.' })
  password?: string | null;
}

@InputType({ description: 'The invitation token to decline.' })
export class DeclineInvitationInput {
  @Field(() => String, { description: 'The token from the invitation link.' })
  token: string;
}
