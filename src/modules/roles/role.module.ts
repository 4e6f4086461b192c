import type { ModuleRegistration } from '../../graphql/module';
import { Role } from './role.entity';
import { createRoleLoaders } from './role.loaders';
import { OrganizationRolesResolver, RoleResolver } from './role.resolver';
import { RoleService, type RoleDeps } from './role.service';

export const rolesModule = {
  entities: [Role],
  resolvers: [RoleResolver, OrganizationRolesResolver],
  loaders: createRoleLoaders,
  service: (deps: RoleDeps) => new RoleService(deps),
} satisfies ModuleRegistration<RoleDeps, RoleService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createRoleLoaders> {}
  interface Services {
    roles: RoleService;
  }
}
