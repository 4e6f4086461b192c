import PgBoss from 'pg-boss';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/*
 * pg-boss, the job queue kept in PostgreSQL (schema `pgboss`), run through TypeORM's
 * connections: so the embedded PGlite (one connection) serves it as well as PostgreSQL does,
 * and a job is inserted in the caller's own transaction. Mail and webhook deliveries use it.
 */

/** pg-boss's database port, served by a TypeORM query runner. */
function runSqlOn(runner: QueryRunner): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records ?? [] }) };
}

/** pg-boss's database port, served by a pooled connection per statement. */
export function runSqlPooled(dataSource: DataSource): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const runner = dataSource.createQueryRunner();
      try {
        return await runSqlOn(runner).executeSql(text, values);
      } finally {
        await runner.release();
      }
    },
  };
}

/** Builds the INSERT of a job; the caller's transaction runs it (see sendJob). */
const producer = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('jobs are enqueued in a transaction: pass { db }')) },
});

/** Enqueues a job in the caller's transaction: a rolled-back change enqueues nothing. */
export async function sendJob(em: EntityManager, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string> {
  if (!em.queryRunner) throw new Error(`jobs of "${queue}" are enqueued in a transaction`);
  const id = await producer.send(queue, data, { ...options, db: runSqlOn(em.queryRunner) });
  // pg-boss answers null, not an error, for a queue that does not exist: never drop a job silently.
  if (!id) throw new Error(`job queue "${queue}" is missing`);
  return id;
}

/** Creates the queue with `options`, or brings an existing one's options up to date. */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) {
    await boss.updateQueue(name, { name, ...options });
    return;
  }
  // Two processes starting on a new database may both try to create it; one suffices.
  await boss.createQueue(name, { name, ...options }).catch(async (error: unknown) => {
    if (!(await boss.getQueue(name))) throw error;
  });
}
