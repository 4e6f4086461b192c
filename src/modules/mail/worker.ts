import type PgBoss from 'pg-boss';
import type { Logger } from '../../config/logger';
import type { MailJob, MailSources } from './mail.api';
import { accountLinkMail, accountNoticeMail, invitationMail, organizationNotificationMail, removedNoticeMail, type RenderedMail } from './templates';
import { MAIL_QUEUE, type MailJobData } from './queue';
import type { MailTransport } from './transport';

export interface MailWorkerOptions {
  /** How long to wait after finding no due job. */
  pollIntervalMs: number;
}

export const DEFAULT_MAIL_WORKER_OPTIONS: MailWorkerOptions = { pollIntervalMs: 1000 };

/** Turns a job into a message; null means the job is outdated and nothing is sent. */
async function compose(job: MailJob, sources: MailSources): Promise<RenderedMail | null> {
  switch (job.kind) {
    case 'invitation': {
      const mail = await sources.invitationMail(job.payload);
      return mail && invitationMail(mail);
    }
    case 'account.link': {
      const mail = await sources.accountLinkMail(job.payload);
      return mail && accountLinkMail(mail);
    }
    case 'account.notice':
      return accountNoticeMail(job.payload);
    case 'organization.notification':
      return organizationNotificationMail(job.payload);
    case 'member.removed_notice':
      return removedNoticeMail(job.payload);
    default:
      // Jobs come back from the database: one of an unknown kind fails (and is retried, then kept as failed).
      throw new Error(`unknown mail kind "${String((job as { kind: unknown }).kind)}"`);
  }
}

/** Error text safe to store: no credentials of a URL, bounded length. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
  return message.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 500);
}

/**
 * Delivers the mail queue from inside the server process: pg-boss claims each job (SKIP LOCKED,
 * so any number of processes may deliver), and retries a failed one with backoff. The loop is
 * ours rather than pg-boss's work(): it looks again at once after a job instead of waiting a
 * polling interval, and it awaits the job's completion before taking the next.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly sources: MailSources,
    private readonly transport: MailTransport,
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
      this.logger.warn({ err: error }, 'mail worker could not poll the queue');
    }
    // After a job, look for the next one at once; an empty queue waits for the next poll.
    this.schedule(worked ? 0 : this.options.pollIntervalMs);
  }

  /** Delivers at most one due job; false when none was due. */
  async runOnce(): Promise<boolean> {
    const [job] = await this.boss.fetch<MailJobData>(MAIL_QUEUE, { includeMetadata: true });
    if (!job) return false;
    const { kind } = job.data;
    try {
      const mail = await compose(job.data, this.sources);
      if (mail) await this.transport.send(mail, job.id);
      await this.boss.complete(MAIL_QUEUE, job.id, mail ? { sent: true } : { skipped: 'outdated' });
    } catch (error) {
      await this.boss.fail(MAIL_QUEUE, job.id, { error: describeError(error) });
      this.logger.warn({ jobId: job.id, kind, retryCount: job.retryCount, retryLimit: job.retryLimit, err: describeError(error) }, 'mail delivery failed');
    }
    return true;
  }
}
