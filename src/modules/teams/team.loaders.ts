import type { EntityManager } from 'typeorm';

export function createTeamLoaders(_em: EntityManager) {
  return {};
}
