import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TrimmedLength } from '../../graphql/validators';

@InputType()
export class CreateProjectInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String)
  @TrimmedLength(1, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;
}

@InputType()
export class UpdateProjectInput {
  @Field(() => ID)
  projectId: string;

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
export class DeleteProjectInput {
  @Field(() => ID)
  projectId: string;
}

@InputType()
export class GrantProjectAccessInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  teamId?: string | null;

  @Field(() => ID, { description: "A built-in role or one of the organization's custom roles." })
  roleId: string;
}

@InputType()
export class RevokeProjectAccessInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  teamId?: string | null;
}
