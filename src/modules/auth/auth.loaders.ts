import type { EntityManager } from 'typeorm';
import { byIdLoader } from '../../db/loader-utils';
import { User } from './user.entity';

export function createAuthLoaders(em: EntityManager) {
  return {
    userById: byIdLoader(em, User),
  };
}
