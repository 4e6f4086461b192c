import type { ModuleRegistration } from '../../graphql/module';
import { createOrganizationLoaders } from './organization.loaders';
import { OrganizationMoniker } from './organization-moniker.entity';
import { Organization } from './organization.entity';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService, type OrganizationDeps } from './organization.service';

export const organizationsModule = {
  entities: [Organization, OrganizationMoniker],
  resolvers: [OrganizationResolver],
  loaders: createOrganizationLoaders,
  service: (deps: OrganizationDeps) => new OrganizationService(deps),
} satisfies ModuleRegistration<OrganizationDeps, OrganizationService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createOrganizationLoaders> {}
  interface Services {
    organizations: OrganizationService;
  }
}
