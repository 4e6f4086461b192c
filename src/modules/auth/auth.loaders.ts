import { In, type EntityManager } from 'typeorm';
import { rowLoader } from '../../db/loader-utils';
import { User } from './user.entity';

export function createAuthLoaders(em: EntityManager) {
  return {
    userById: rowLoader(
      (ids: readonly string[]) => em.findBy(User, { id: In([...ids]) }),
      (u) => u.id,
    ),
  };
}
