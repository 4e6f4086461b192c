import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../common/errors';
import type { BudgetName } from '../config/budgets';
import type { RateLimits } from '../config/config';

/** One budget to spend from, and whose attempt it is (a client address, a user id, an email...). */
export type Spend = [budget: BudgetName, key: string];

/**
 * Every attempt budget of the process (src/config/budgets.ts), kept by rate-limiter-flexible in
 * PostgreSQL's rate_limits table so that every server process spends from the same budget. The
 * limiters run on pooled connections of their own: spend outside a transaction (PGlite has but
 * one connection). With RATE_LIMITS=off nothing is spent or refused.
 */
export class AttemptBudgets {
  private readonly limiters: ReadonlyMap<BudgetName, RateLimiterPostgres>;

  constructor(dataSource: DataSource, { enabled, budgets }: RateLimits) {
    const entries = enabled ? (Object.entries(budgets) as Array<[BudgetName, RateLimits['budgets'][BudgetName]]>) : [];
    this.limiters = new Map(
      entries.map(([name, { points, durationSeconds }], index) => [
        name,
        // The table comes from a migration (tableCreated); keyPrefix keeps the budgets apart in it; one limiter sweeps expired rows.
        new RateLimiterPostgres({
          storeClient: dataSource,
          storeType: 'typeorm',
          tableName: 'rate_limits',
          tableCreated: true,
          clearExpiredByTimeout: index === 0,
          keyPrefix: name,
          points,
          duration: durationSeconds,
        }),
      ]),
    );
  }

  /**
   * Spends one attempt from each budget at once; RATE_LIMITED, with the longest wait, when any of
   * them is used up (the others are spent all the same: it was an attempt).
   */
  async spend(...spends: Spend[]): Promise<void> {
    const outcomes = await Promise.allSettled(this.limitersOf(spends).map(([limiter, key]) => limiter.consume(key)));
    let waitMs = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
      waitMs = Math.max(waitMs, outcome.reason.msBeforeNext);
    }
    if (outcomes.some((o) => o.status === 'rejected')) throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** The limiters of the budgets spent from (none with RATE_LIMITS=off). */
  private limitersOf(spends: Spend[]): Array<[RateLimiterPostgres, string]> {
    return spends.flatMap(([budget, key]) => {
      const limiter = this.limiters.get(budget);
      return limiter ? [[limiter, key] as [RateLimiterPostgres, string]] : [];
    });
  }

  /** Gives spent attempts back (an attempt that turned out to cost nothing, e.g. a successful login). */
  async refund(...spends: Spend[]): Promise<void> {
    await Promise.all(this.limitersOf(spends).map(([limiter, key]) => limiter.reward(key, 1)));
  }
}
