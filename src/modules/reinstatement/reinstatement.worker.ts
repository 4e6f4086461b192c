import type PgBoss from 'pg-boss';
import type { Logger } from '../../config/logger';
import { ensureQueue } from '../../db/job-queue';
import type { ReinstatementService } from './reinstatement.service';

export const PRUNE_QUEUE = 'member-removals-prune';
/** Daily at 03:17 UTC; pg-boss's scheduler sends one job per run however many processes serve. */
export const PRUNE_SCHEDULE = '17 3 * * *';

/** Schedules the daily pruning of member_removals on pg-boss's clock, and works its jobs. */
export async function startRemovalPruning(boss: PgBoss, reinstatement: ReinstatementService, logger: Logger): Promise<{ stop(): Promise<void> }> {
  await ensureQueue(boss, PRUNE_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 300 });
  await boss.schedule(PRUNE_QUEUE, PRUNE_SCHEDULE, {}, { tz: 'UTC' });
  await boss.work(PRUNE_QUEUE, async () => {
    const pruned = await reinstatement.prune();
    if (pruned > 0) logger.info({ pruned }, 'member removals older than 90 days forgotten');
  });
  return { stop: () => boss.offWork(PRUNE_QUEUE) };
}
