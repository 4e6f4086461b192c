import { ArrayMinSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EmailField, NameField, PasswordField, TextField } from '../../graphql/fields';
import { OrganizationRole } from '../../authz/enums';

export const EXPIRES_IN_DAYS_MAX = 30;

@InputType()
export class ProjectGrantInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID, { description: 'A custom role of the organization or a built-in role.' })
  roleId: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
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

  @Field(() => [ProjectGrantInput], { nullable: true, description: 'Project roles the invitee receives; each needs PROJECT_ACCESS_MANAGE and every permission of the role.' })
  projectGrants?: ProjectGrantInput[] | null;

  @TextField()
  note?: string | null;

  @Field(() => Int, { nullable: true, description: `1 to ${EXPIRES_IN_DAYS_MAX}; defaults to the server's INVITATION_TTL_DAYS.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EXPIRES_IN_DAYS_MAX)
  expiresInDays?: number | null;
}

@InputType()
export class ResendInvitationInput {
  @Field(() => ID)
  invitationId: string;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID)
  invitationId: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String)
  token: string;

  @NameField({ nullable: true, description: 'Only without a session, to create the account.' })
  name?: string | null;

  @PasswordField({ nullable: true, description: 'Only without a session, to create the account.' })
  password?: string | null;
}

@InputType()
export class DeclineInvitationInput {
  @Field(() => String)
  token: string;
}
