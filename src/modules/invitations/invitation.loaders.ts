import type { EntityManager } from 'typeorm';

export function createInvitationLoaders(_em: EntityManager) {
  return {};
}
