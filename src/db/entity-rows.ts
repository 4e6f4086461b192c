import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

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
}
const shapes = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<string, Shape>>>();

function shapeOf(em: EntityManager, entity: EntityTarget<ObjectLiteral>, omit: Omitted): Shape {
  let byEntity = shapes.get(em.connection);
  if (!byEntity) shapes.set(em.connection, (byEntity = new Map()));
  let byOmission = byEntity.get(entity);
  if (!byOmission) byEntity.set(entity, (byOmission = new Map()));
  const key = omit.join(',');
  let shape = byOmission.get(key);
  if (!shape) {
    const metadata = em.connection.getMetadata(entity);
    const columns = metadata.columns.filter((column) => !omit.includes(column.propertyName));
    byOmission.set(key, (shape = { metadata, columns, timestamps: columns.map(isTimestamp) }));
  }
  return shape;
}

/** The row keys `entityColumns` gave the columns under `prefix`, made once (a page reads them for every row). */
const prefixedKeys = new WeakMap<ColumnMetadata[], Map<string, { primary: string; columns: string[] }>>();
function keysOf(columns: ColumnMetadata[], prefix: string): { primary: string; columns: string[] } {
  let byPrefix = prefixedKeys.get(columns);
  if (!byPrefix) prefixedKeys.set(columns, (byPrefix = new Map()));
  let keys = byPrefix.get(prefix);
  if (!keys) {
    const primary = columns[0].entityMetadata.primaryColumns[0].databaseName;
    byPrefix.set(prefix, (keys = { primary: `${prefix}${primary}`, columns: columns.map((column) => `${prefix}${column.databaseName}`) }));
  }
  return keys;
}

const columnsOf = (em: EntityManager, entity: EntityTarget<ObjectLiteral>, omit: Omitted): ColumnMetadata[] => shapeOf(em, entity, omit).columns;

/**
 * Joined rows without TypeORM's hydration: the SELECT list of every column of `entity` (but
 * `omit`) under the table alias `alias`, each named `<prefix><column>`, and the entity rebuilt
 * from such a row. A page can then carry a related row (a member's user) in its one statement.
 */
export function entityColumns(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string, omit: Omitted = []): string {
  return columnsOf(em, entity, omit)
    .map((column) => `${alias}.${column.databaseName} AS ${prefix}${column.databaseName}`)
    .join(', ');
}

/** The entity whose columns `entityColumns` selected with `prefix`, or null when the row has none (an outer join that found nothing). */
export function entityFromRow<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
  omit: Omitted = [],
): T | null {
  const { metadata, columns } = shapeOf(em, entity, omit);
  const keys = keysOf(columns, prefix);
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
  return `json_build_array(${columnsOf(em, entity, [])
    .map((column) => `${alias}.${column.databaseName}`)
    .join(', ')})`;
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
