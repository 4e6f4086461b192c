import type PgBoss from 'pg-boss';
import type { Logger } from '../../config/logger';
import { ensureQueue } from '../../db/job-queue';
import { WEBHOOK_QUEUE, type DeliveryJob, type WebhookService } from './webhook.service';

export interface WebhookWorkerOptions {
  /** How often an idle worker looks for due deliveries (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds: number;
  /** Deliveries attempted at once by one process. */
  batchSize: number;
}

export const DEFAULT_WEBHOOK_WORKER_OPTIONS: WebhookWorkerOptions = { pollingIntervalSeconds: 2, batchSize: 4 };

/**
 * Makes sure the webhook queue exists (every process enqueues), then attempts due deliveries.
 * Retries are the service's own (a new job per attempt, see WebhookService.attempt); pg-boss's
 * retry only covers a worker that died mid-attempt (the job expires after a minute).
 */
export async function startWebhookWorker(
  boss: PgBoss,
  webhooks: WebhookService,
  logger: Logger,
  options: WebhookWorkerOptions,
): Promise<{ stop(): Promise<void> }> {
  await ensureQueue(boss, WEBHOOK_QUEUE, { retryLimit: 2, retryDelay: 30, expireInSeconds: 60 });
  await boss.work<DeliveryJob>(WEBHOOK_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: options.batchSize }, async (jobs) => {
    // A failure here (the database away) fails the jobs: pg-boss runs them again, and an attempt already claimed is skipped.
    await Promise.all(
      jobs.map((job) =>
        webhooks.attempt(job.data).catch((error: unknown) => {
          logger.warn({ err: error, deliveryId: job.data.deliveryId }, 'webhook attempt failed; pg-boss runs the job again');
          throw error;
        }),
      ),
    );
  });
  return { stop: () => boss.offWork(WEBHOOK_QUEUE) };
}
