import { createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Role } from '../roles/role.entity';
import { Team } from '../teams/team.entity';
import { Project } from './project.entity';

export const ProjectConnection = connectionTypes(Project, 'Project');

/** Who a project grant is for. */
export const Principal = createUnionType({
  name: 'Principal',
  description: 'Whoever a project grant names: a user or a team.',
  types: () => [User, Team] as const,
  resolveType: (value) => (value instanceof Team ? Team : User),
});

@ObjectType({ description: 'One grant on a project: a user or a team, and the role they hold on it.' })
export class ProjectAccess {
  @Field(() => Principal, { description: 'The user or team the grant names.' })
  principal: User | Team;

  @Field(() => Role, { description: 'The role they hold on the project.' })
  role: Role;
}

@ObjectType({ description: 'The project a mutation changed.' })
export class ProjectPayload {
  @Field(() => Project, { description: 'The project.' })
  project: Project;
}

@ObjectType({ description: 'The deleted project.' })
export class DeleteProjectPayload {
  @Field(() => ID, { description: 'The deleted project.' })
  deletedProjectId: string;
}

@ObjectType({ description: 'The grant a mutation made.' })
export class ProjectAccessPayload {
  @Field(() => ProjectAccess, { description: 'The grant.' })
  access: ProjectAccess;
}
