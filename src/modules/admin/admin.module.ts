import type { ModuleRegistration } from '../../graphql/module';
import { createAdminLoaders } from './admin.loaders';
import { InstanceOrganizationResolver, InstanceResolver, UserInstanceAdminResolver } from './admin.resolver';
import { AdminService, type AdminDeps } from './admin.service';

export const adminModule = {
  entities: [],
  resolvers: [InstanceResolver, InstanceOrganizationResolver, UserInstanceAdminResolver],
  loaders: createAdminLoaders,
  service: (deps: AdminDeps) => new AdminService(deps),
} satisfies ModuleRegistration<AdminDeps, AdminService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createAdminLoaders> {}
  interface Services {
    admin: AdminService;
  }
}
