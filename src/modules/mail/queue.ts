import PgBoss from 'pg-boss';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Logger } from '../../config/logger';
import type { MailJob } from './mail.api';

/*
 * Mail goes through pg-boss, a job queue kept in PostgreSQL (its own schema, `pgboss`, which
 * pg-boss installs and upgrades itself at start). Every statement runs through TypeORM's
 * connections, so the embedded PGlite (one connection) serves it as well as PostgreSQL does,
 * and a job is inserted in the mutation's own transaction.
 */

export const MAIL_QUEUE = 'mail';

/** What a mail job carries: which message to compose, from what, for which organization. */
export type MailJobData = MailJob & { organizationId: string | null };

export interface MailRetryPolicy {
  /** Retries after the first failure; then the job is failed for good. */
  retryLimit: number;
  /** The first retry waits about this long; each further one about twice as long. */
  retryDelaySeconds: number;
}

/**
 * 15 attempts, pg-boss's randomized backoff between them (2–4 s, 4–8 s, … the last 4.5–9 h):
 * 9 to 18 hours of an SMTP outage before a mail is given up.
 */
export const DEFAULT_MAIL_RETRY_POLICY: MailRetryPolicy = { retryLimit: 14, retryDelaySeconds: 2 };

/**
 * A job whose worker died mid-send comes due again after this long. The SMTP timeouts (see
 * transport.ts) stay well under it, so a slow send cannot outlive its job and be sent twice.
 */
const EXPIRE_IN_SECONDS = 60;

/** pg-boss's database port, served by a TypeORM query runner. */
function runSqlOn(runner: QueryRunner): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records ?? [] }) };
}

/** pg-boss's database port, served by a pooled connection per statement. */
function runSqlPooled(dataSource: DataSource): PgBoss.Db {
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

/** Builds the INSERT of a job; the caller's transaction runs it (see enqueueMail). */
const producer = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('mail jobs are enqueued in a transaction: pass { db }')) },
});

/** Enqueues a mail job in the caller's transaction: a rolled-back change sends nothing. */
export async function enqueueMail(em: EntityManager, job: MailJob, organizationId: string | null): Promise<void> {
  if (!em.queryRunner) throw new Error('enqueueMail needs a transaction');
  const data: MailJobData = { ...job, organizationId };
  const id = await producer.send(MAIL_QUEUE, data, { db: runSqlOn(em.queryRunner) });
  // pg-boss answers null, not an error, for a queue that does not exist: never drop a mail silently.
  if (!id) throw new Error(`mail queue "${MAIL_QUEUE}" is missing`);
}

/**
 * Starts pg-boss on the data source: installs or upgrades its schema, makes sure the mail
 * queue exists with `policy`, and runs its maintenance (expiring jobs of dead workers,
 * archiving and deleting old ones). Every server process starts it, delivering or not.
 */
export async function startMailQueue(dataSource: DataSource, logger: Logger, policy: MailRetryPolicy): Promise<PgBoss> {
  const boss = new PgBoss({ db: runSqlPooled(dataSource), schedule: false, supervise: true, migrate: true });
  boss.on('error', (error) => logger.warn({ err: error }, 'mail queue maintenance failed'));
  await boss.start();
  const options = { name: MAIL_QUEUE, retryLimit: policy.retryLimit, retryDelay: policy.retryDelaySeconds, retryBackoff: true, expireInSeconds: EXPIRE_IN_SECONDS };
  if (await boss.getQueue(MAIL_QUEUE)) {
    await boss.updateQueue(MAIL_QUEUE, options);
  } else {
    // Two processes starting on a new database may both try to create it; one suffices.
    await boss.createQueue(MAIL_QUEUE, options).catch(async (error: unknown) => {
      if (!(await boss.getQueue(MAIL_QUEUE))) throw error;
    });
  }
  return boss;
}
