import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';

/** A named budget of attempts per key (rate-limiter-flexible, kept in process memory). */
export class AttemptLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, durationSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: durationSeconds });
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
