import { Field, ID, InputType } from 'type-graphql';
import { NameField, TextField } from '../../graphql/fields';
import { TeamRole } from '../../authz/enums';

@InputType({ description: 'A new team in an organization.' })
export class CreateTeamInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @NameField({ description: 'Unique within the organization, case-insensitively.' })
  name: string;

  @TextField({ description: 'At most 1,000 characters.' })
  description?: string | null;
}

@InputType({ description: "The team's fields to change; omitted fields stay as they are." })
export class UpdateTeamInput {
  @Field(() => ID, { description: 'The team.' })
  teamId: string;

  @NameField({ nullable: true, description: '1 to 100 characters, unique in the organization.' })
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;
}

@InputType({ description: 'The team to delete.' })
export class DeleteTeamInput {
  @Field(() => ID, { description: 'A team other than the default one.' })
  teamId: string;
}

@InputType({ description: 'Whom to add to which team.' })
export class AddTeamMemberInput {
  @Field(() => ID, { description: 'The team.' })
  teamId: string;

  @Field(() => ID, { description: 'Must be a member of the organization.' })
  userId: string;

  @Field(() => TeamRole, { nullable: true, description: 'TEAM_MEMBER when omitted.' })
  role?: TeamRole | null;
}

@InputType({ description: 'Whose team role to change, and to what.' })
export class UpdateTeamMemberRoleInput {
  @Field(() => ID, { description: 'The team.' })
  teamId: string;

  @Field(() => ID, { description: 'A member of the team.' })
  userId: string;

  @Field(() => TeamRole, { description: 'The new team role.' })
  role: TeamRole;
}

@InputType({ description: 'Whom to remove from which team.' })
export class RemoveTeamMemberInput {
  @Field(() => ID, { description: 'The team.' })
  teamId: string;

  @Field(() => ID, { description: 'A member of the team.' })
  userId: string;
}
