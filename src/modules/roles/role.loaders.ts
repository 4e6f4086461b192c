import type { EntityManager } from 'typeorm';

export function createRoleLoaders(_em: EntityManager) {
  return {};
}
