import type { ModuleRegistration } from '../../graphql/module';
import { ProjectGrant } from './project-grant.entity';
import { Project } from './project.entity';
import { createProjectLoaders } from './project.loaders';
import { OrganizationProjectsResolver, ProjectResolver } from './project.resolver';
import { ProjectService, type ProjectDeps } from './project.service';

export const projectsModule = {
  entities: [Project, ProjectGrant],
  resolvers: [ProjectResolver, OrganizationProjectsResolver],
  loaders: createProjectLoaders,
  service: (deps: ProjectDeps) => new ProjectService(deps),
} satisfies ModuleRegistration<ProjectDeps, ProjectService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createProjectLoaders> {}
  interface Services {
    projects: ProjectService;
  }
}
