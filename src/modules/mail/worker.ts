import type { DataSource } from 'typeorm';
import type { Logger } from '../../config/logger';
import { composeInvitationMail, type InvitationJob } from '../invitations/invitation-mail';
import { organizationNotificationMail, removedNoticeMail, type OrganizationNotificationPayload, type RemovedNoticePayload, type RenderedMail } from './templates';
import type { MailTransport } from './transport';

/*
 * Why an own outbox instead of graphile-worker: graphile-worker needs its own pool and a
 * permanent LISTEN connection, which the embedded PGlite (one connection, shared with every
 * request) cannot give. Polling mail_jobs needs nothing but short single statements, works the
 * same on PostgreSQL and PGlite, and several server processes may poll at once.
 */

export interface MailWorkerOptions {
  /** How long to wait after finding no due job. */
  pollIntervalMs: number;
  /** The first retry waits this long; each further one twice as long, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_MAIL_WORKER_OPTIONS: MailWorkerOptions = { pollIntervalMs: 1000, backoffBaseMs: 1000, backoffMaxMs: 5 * 60_000 };

interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Turns a job into a message; null means the job is outdated and nothing is sent. */
type Composer = (payload: Record<string, unknown>, dataSource: DataSource, publicUrl: string) => Promise<RenderedMail | null>;

const COMPOSERS: Record<string, Composer> = {
  invitation: (payload, dataSource, publicUrl) => composeInvitationMail(dataSource, payload as unknown as InvitationJob, publicUrl),
  'organization.notification': async (payload) => organizationNotificationMail(payload as unknown as OrganizationNotificationPayload),
  'member.removed_notice': async (payload) => removedNoticeMail(payload as unknown as RemovedNoticePayload),
};

/**
 * Claims one due job. The claim is a lease (locked_until), not a held row lock: no connection
 * stays busy while the message travels, and a worker that dies mid-send lets the job come due
 * again after a minute.
 */
const CLAIM = `
  UPDATE mail_jobs SET locked_until = now() + interval '1 minute', attempts = attempts + 1
   WHERE id = (SELECT id FROM mail_jobs
                WHERE sent_at IS NULL AND run_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
  RETURNING id, kind, payload, attempts`;

/** Error text safe to store: no credentials of a URL, bounded length. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
  return message.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 500);
}

/** Polls the mail_jobs outbox inside the server process and delivers through `transport`. */
export class MailWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly publicUrl: string,
    private readonly logger: Logger,
    private readonly options: MailWorkerOptions = DEFAULT_MAIL_WORKER_OPTIONS,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Waits for the send under way, if any; no new job is claimed afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let worked = false;
    try {
      worked = await this.runOnce();
    } catch (error) {
      this.logger.warn({ err: error }, 'mail worker could not poll the outbox');
    }
    // After a job, look for the next one at once; an empty outbox waits for the next poll.
    this.schedule(worked ? 0 : this.options.pollIntervalMs);
  }

  /** Delivers at most one due job; false when none was due. */
  async runOnce(): Promise<boolean> {
    const [job]: ClaimedJob[] = (await this.dataSource.query(CLAIM))[0] ?? [];
    if (!job) return false;
    try {
      const compose = COMPOSERS[job.kind];
      if (!compose) throw new Error(`unknown mail kind "${job.kind}"`);
      const mail = await compose(job.payload, this.dataSource, this.publicUrl);
      if (mail) await this.transport.send(mail, job.id);
      await this.dataSource.query(`UPDATE mail_jobs SET sent_at = now(), locked_until = NULL, last_error = $2 WHERE id = $1`, [
        job.id,
        mail ? null : 'skipped: outdated',
      ]);
    } catch (error) {
      const delayMs = Math.min(this.options.backoffBaseMs * 2 ** (job.attempts - 1), this.options.backoffMaxMs);
      await this.dataSource.query(
        `UPDATE mail_jobs SET run_at = now() + $2 * interval '1 millisecond', locked_until = NULL, last_error = $3 WHERE id = $1`,
        [job.id, delayMs, describeError(error)],
      );
      this.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryInMs: delayMs, err: describeError(error) }, 'mail delivery failed');
    }
    return true;
  }
}
