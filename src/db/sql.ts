import type { EntityManager } from 'typeorm';

/** What runs SQL: the DataSource or a transaction's EntityManager. */
export type SqlRunner = Pick<EntityManager, 'query'>;

/** Runs a statement and names the shape of its rows (TypeORM's `query` answers `any`). */
export async function sqlRows<Row>(runner: SqlRunner, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  const rows: unknown = await runner.query(sql, parameters);
  return rows as Row[];
}

/** Runs an UPDATE or DELETE: the pg driver answers it as [returned rows, affected count]. */
export async function sqlChange<Row>(runner: SqlRunner, sql: string, parameters: unknown[] = []): Promise<{ rows: Row[]; affected: number }> {
  const result: unknown = await runner.query(sql, parameters);
  const [rows, affected] = result as [Row[], number];
  return { rows, affected };
}
