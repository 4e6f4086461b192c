import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { memo } from '../common/memo';
import { preparedRows } from './sql';

/** Columns a read leaves out (property names), e.g. a password hash no field shows. */
type Omitted = readonly string[];

/** JSON has no timestamps: a timestamp column comes back as a string. */
const isTimestamp = (column: ColumnMetadata) => column.type === Date || (typeof column.type === 'string' && column.type.startsWith('timestamp'));

/** An entity's metadata and the columns a read takes, found once per data source, entity and omission (pages call this per row). */
interface Shape {
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
  /** Per column: whether it holds a timestamp (which JSON gives as a string). */
  timestamps: boolean[];
  /** The SQL `entityColumns` and `entityTuple` made, by alias (and prefix). */
  selects: Map<string, string>;
  /** The row keys `entityColumns` gave the columns under each prefix (a page reads them for every row). */
  keys: Map<string, { primary: string; columns: string[] }>;
}
const shapes = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<string, Shape>>>();

function shapeOf(em: EntityManager, entity: EntityTarget<ObjectLiteral>, omit: Omitted): Shape {
  const byEntity = memo(shapes, em.connection, () => new Map<EntityTarget<ObjectLiteral>, Map<string, Shape>>());
  const byOmission = memo(byEntity, entity, () => new Map<string, Shape>());
  return memo(byOmission, omit.join(','), () => {
    const metadata = em.connection.getMetadata(entity);
    const columns = metadata.columns.filter((column) => !omit.includes(column.propertyName));
    return {
      metadata,
      columns,
      timestamps: columns.map(isTimestamp),
      selects: new Map<string, string>(),
      keys: new Map<string, { primary: string; columns: string[] }>(),
    };
  });
}

/**
 * Joined rows without TypeORM's hydration: the SELECT list of every column of `entity` (but
 * `omit`) under the table alias `alias`, each named `<prefix><column>`, and the entity rebuilt
 * from such a row. A page can then carry a related row (a member's user) in its one statement.
 */
export function entityColumns(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string, omit: Omitted = []): string {
  const { columns, selects } = shapeOf(em, entity, omit);
  return memo(selects, `${alias} ${prefix}`, () => columns.map((column) => `${alias}.${column.databaseName} AS ${prefix}${column.databaseName}`).join(', '));
}

/** The entity whose columns `entityColumns` selected with `prefix`, or null when the row has none (an outer join that found nothing). */
export function entityFromRow<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
  omit: Omitted = [],
): T | null {
  const { metadata, columns, keys: byPrefix } = shapeOf(em, entity, omit);
  const keys = memo(byPrefix, prefix, () => ({
    primary: `${prefix}${metadata.primaryColumns[0].databaseName}`,
    columns: columns.map((column) => `${prefix}${column.databaseName}`),
  }));
  if (row[keys.primary] == null) return null;
  const made = metadata.create() as Record<string, unknown>;
  for (let i = 0; i < columns.length; i += 1) made[columns[i].propertyName] = row[keys.columns[i]];
  return made as T;
}

/**
 * Every column of `entity` under `alias` as one JSON array, in the entity's column order: related
 * rows inside a JSON aggregate (a member's teams), without repeating each column's name.
 */
export function entityTuple(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const { columns, selects } = shapeOf(em, entity, []);
  return memo(selects, `tuple ${alias}`, () => `json_build_array(${columns.map((column) => `${alias}.${column.databaseName}`).join(', ')})`);
}

/** The entity an `entityTuple` array holds. */
export function entityFromTuple<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, tuple: readonly unknown[]): T {
  const { metadata, columns, timestamps } = shapeOf(em, entity, []);
  const made = metadata.create() as Record<string, unknown>;
  for (let i = 0; i < columns.length; i += 1) {
    const value = tuple[i];
    made[columns[i].propertyName] = timestamps[i] && typeof value === 'string' ? new Date(value) : value;
  }
  return made as T;
}

/**
 * Rows of `entity` by primary key in one prepared statement, whose text is the same for any
 * number of keys (`= ANY`), rebuilt without TypeORM's hydration: the by-id loaders that most
 * responses use. For entities whose columns pg returns as TypeORM would (no transformers).
 */
export async function entitiesByIds<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, ids: readonly string[]): Promise<T[]> {
  const { metadata } = shapeOf(em, entity, []);
  const key = metadata.primaryColumns[0].databaseName;
  const rows = await preparedRows<Record<string, unknown>>(
    em,
    `SELECT ${entityColumns(em, entity, 'e', '')} FROM "${metadata.tableName}" e WHERE e.${key} = ANY($1::uuid[])`,
    [[...ids]],
  );
  return rows.map((row) => entityFromRow(em, entity, row, '')!);
}
