import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../common/errors';

/**
 * A named budget of attempts per key (rate-limiter-flexible), kept in PostgreSQL's rate_limits
 * table so that every server process spends from the same budget. It runs on a pooled
 * connection of its own: spend it outside a transaction (PGlite has but one connection).
 */
export class AttemptLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(dataSource: DataSource, name: string, points: number, durationSeconds: number) {
    // The table comes from a migration (tableCreated); keyPrefix keeps the budgets apart in it.
    this.limiter = new RateLimiterPostgres({
      storeClient: dataSource, storeType: 'typeorm', tableName: 'rate_limits', tableCreated: true, keyPrefix: name, points, duration: durationSeconds,
    });
  }

  /** Spends one attempt; RATE_LIMITED with retryAfterSeconds once the budget is gone. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }

  reset(key: string): Promise<boolean> {
    return this.limiter.delete(key);
  }
}
