import { Field, ID, InputType } from 'type-graphql';
import { NameField, TextField } from '../../graphql/fields';

@InputType()
export class CreateProjectInput {
  @Field(() => ID)
  organizationId: string;

  @NameField()
  name: string;

  @TextField()
  description?: string | null;
}

@InputType()
export class UpdateProjectInput {
  @Field(() => ID)
  projectId: string;

  @NameField({ nullable: true })
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;
}

@InputType()
export class DeleteProjectInput {
  @Field(() => ID)
  projectId: string;
}

/** The principal of a grant on a project: exactly one of a user and a team. Only inherited, so never in the schema. */
@InputType()
abstract class ProjectPrincipalInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  teamId?: string | null;
}

@InputType()
export class GrantProjectAccessInput extends ProjectPrincipalInput {
  @Field(() => ID, { description: "A built-in role or one of the organization's custom roles." })
  roleId: string;
}

@InputType()
export class RevokeProjectAccessInput extends ProjectPrincipalInput {}
