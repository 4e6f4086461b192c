import { Field, ID, InputType } from 'type-graphql';
import { NameField, TextField } from '../../graphql/fields';
import { TeamRole } from '../../authz/enums';

@InputType()
export class CreateTeamInput {
  @Field(() => ID)
  organizationId: string;

  @NameField({ description: 'Unique within the organization, case-insensitively.' })
  name: string;

  @TextField()
  description?: string | null;
}

@InputType()
export class UpdateTeamInput {
  @Field(() => ID)
  teamId: string;

  @NameField({ nullable: true })
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;
}

@InputType()
export class DeleteTeamInput {
  @Field(() => ID)
  teamId: string;
}

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => ID, { description: 'Must be a member of the organization.' })
  userId: string;

  @Field(() => TeamRole, { nullable: true, description: 'TEAM_MEMBER when omitted.' })
  role?: TeamRole | null;
}

@InputType()
export class UpdateTeamMemberRoleInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => TeamRole)
  role: TeamRole;
}

@InputType()
export class RemoveTeamMemberInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => ID)
  userId: string;
}
