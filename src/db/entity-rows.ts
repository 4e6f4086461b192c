import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Joined rows without TypeORM's hydration: the SELECT list of every column of `entity` under the
 * table alias `alias`, each named `<prefix><column>`, and the entity rebuilt from such a row.
 * A page can then carry a related row (a member's user) in its one statement.
 */
export function entityColumns(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return em.connection
    .getMetadata(entity)
    .columns.map((column) => `${alias}.${column.databaseName} AS ${prefix}${column.databaseName}`)
    .join(', ');
}

/** The entity whose columns `entityColumns` selected with `prefix`, or null when the row has none (an outer join that found nothing). */
export function entityFromRow<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T | null {
  const metadata = em.connection.getMetadata(entity);
  const primary = metadata.primaryColumns[0];
  if (row[`${prefix}${primary.databaseName}`] == null) return null;
  const made = metadata.create() as T;
  for (const column of metadata.columns) (made as Record<string, unknown>)[column.propertyName] = row[`${prefix}${column.databaseName}`];
  return made;
}
