import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';

/**
 * The row of `entity` with this id, or NOT_FOUND. With `lock`, the row is held FOR UPDATE until
 * the transaction ends. A malformed id reads as missing, without asking the database.
 */
export async function rowById<T extends ObjectLiteral & { id: string }>(em: EntityManager, entity: EntityTarget<T>, id: unknown, lock = false): Promise<T> {
  const row = isUuid(id)
    ? await em.findOne(entity, { where: { id } as FindOptionsWhere<T>, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
    : null;
  if (!row) throw new NotFoundError();
  return row;
}
