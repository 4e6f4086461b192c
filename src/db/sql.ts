import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { memo } from '../common/memo';

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

/**
 * Data sources whose server is not given named prepared statements: the embedded PGlite, whose
 * socket drops the connection after a prepared statement fails (a missing table, say).
 */
const unprepared = new WeakSet<DataSource>();
export const withoutPreparedStatements = (dataSource: DataSource): void => {
  unprepared.add(dataSource);
};

/** Prepared statements' names by text: the texts are the code's own, so they are few. */
const statementNames = new Map<string, string>();

/** A prepared statement's name: its text's hash, so the same text is the same statement on every connection. */
const statementName = (sql: string): string => memo(statementNames, sql, () => `orgraph_${createHash('sha1').update(sql).digest('base64url')}`);

/**
 * `sqlRows` as a named prepared statement: PostgreSQL parses its text once per connection rather
 * than at each request (for the hot reads: the session lookup took longer to parse and plan than
 * to run). Logged and counted as TypeORM's own statements are. In a transaction (an
 * EntityManager with a query runner) it runs as `sqlRows`, on the transaction's connection; so
 * it does on the embedded database (`withoutPreparedStatements`).
 */
export async function preparedRows<Row>(em: EntityManager, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  if (em.queryRunner || unprepared.has(em.connection)) return sqlRows<Row>(em, sql, parameters);
  const { logger, driver, options } = em.connection;
  const pool = (driver as unknown as { master: Pool }).master;
  logger.logQuery(sql, parameters);
  const started = performance.now();
  try {
    const { rows } = await pool.query({ name: statementName(sql), text: sql, values: parameters });
    return rows as Row[];
  } catch (error) {
    logger.logQueryError(error as Error, sql, parameters);
    throw new QueryFailedError(sql, parameters, error as Error);
  } finally {
    const time = performance.now() - started;
    const slow = (options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime;
    if (slow && time > slow) logger.logQuerySlow(time, sql, parameters);
  }
}
