import { Field, ID, InputType } from 'type-graphql';
import { NameField, TextField } from '../../graphql/fields';

@InputType({ description: 'A new project in an organization.' })
export class CreateProjectInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @NameField({ description: '1 to 100 characters.' })
  name: string;

  @TextField({ description: 'At most 1,000 characters.' })
  description?: string | null;
}

@InputType({ description: "The project's settings to change; omitted fields stay as they are." })
export class UpdateProjectInput {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @NameField({ nullable: true, description: '1 to 100 characters.' })
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;
}

@InputType({ description: 'The project to delete.' })
export class DeleteProjectInput {
  @Field(() => ID, { description: 'The project to delete.' })
  projectId: string;
}

/** The principal of a grant on a project: exactly one of a user and a team. Only inherited, so never in the schema. */
@InputType()
abstract class ProjectPrincipalInput {
  @Field(() => ID, { description: 'The project to delete.' })
  projectId: string;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  teamId?: string | null;
}

@InputType({ description: 'Who gets which role on which project.' })
export class GrantProjectAccessInput extends ProjectPrincipalInput {
  @Field(() => ID, { description: "A built-in role or one of the organization's custom roles." })
  roleId: string;
}

@InputType({ description: 'Whose grant on which project to revoke.' })
export class RevokeProjectAccessInput extends ProjectPrincipalInput {}
