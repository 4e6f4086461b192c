import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TeamRole } from '../../authz/enums';
import { TrimmedLength } from '../../graphql/validators';

@InputType()
export class CreateTeamInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String, { description: 'Unique within the organization, case-insensitively.' })
  @TrimmedLength(1, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;
}

@InputType()
export class UpdateTeamInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimmedLength(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Set to null or "" to clear.' })
  @IsOptional()
  @MaxLength(1000)
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
