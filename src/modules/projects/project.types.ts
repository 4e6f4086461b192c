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
  types: () => [User, Team] as const,
  resolveType: (value) => (value instanceof Team ? Team : User),
});

@ObjectType()
export class ProjectAccess {
  @Field(() => Principal)
  principal: User | Team;

  @Field(() => Role)
  role: Role;
}

@ObjectType()
export class ProjectPayload {
  @Field(() => Project)
  project: Project;
}

@ObjectType()
export class DeleteProjectPayload {
  @Field(() => ID)
  deletedProjectId: string;
}

@ObjectType()
export class ProjectAccessPayload {
  @Field(() => ProjectAccess)
  access: ProjectAccess;
}
