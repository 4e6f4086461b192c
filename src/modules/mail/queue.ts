import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../config/logger';
import { ensureQueue, runSqlPooled, sendJob } from '../../db/job-queue';
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

/** Enqueues a mail job in the caller's transaction: a rolled-back change sends nothing. */
export async function enqueueMail(em: EntityManager, job: MailJob, organizationId: string | null): Promise<void> {
  const data: MailJobData = { ...job, organizationId };
  await sendJob(em, MAIL_QUEUE, data);
}

/**
 * Starts pg-boss on the data source: installs or upgrades its schema, makes sure the mail
 * queue exists with `policy`, and runs its maintenance (expiring jobs of dead workers,
 * archiving and deleting old ones). Every server process starts it, delivering or not.
 */
export async function startMailQueue(dataSource: DataSource, logger: Logger, policy: MailRetryPolicy): Promise<PgBoss> {
  // schedule: pg-boss's cron runs scheduled jobs (the daily pruning of member removals).
  const boss = new PgBoss({ db: runSqlPooled(dataSource), schedule: true, supervise: true, migrate: true });
  boss.on('error', (error) => logger.warn({ err: error }, 'mail queue maintenance failed'));
  await boss.start();
  await ensureQueue(boss, MAIL_QUEUE, {
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: EXPIRE_IN_SECONDS,
  });
  return boss;
}
