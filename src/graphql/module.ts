import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';

/**
 * What a module hands the composition root (src/app): its tables, its resolvers, its
 * per-request loaders, and how to build its service from what the root injects. Each module
 * exports one, from `src/modules/<name>/<name>.module.ts`.
 */
export interface ModuleRegistration<Deps, Service> {
  entities: ClassType[];
  resolvers: ClassType[];
  loaders?: (em: EntityManager) => object;
  service: (deps: Deps) => Service;
}
