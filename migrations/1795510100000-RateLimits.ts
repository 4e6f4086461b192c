import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempt budgets (login, invitation emails) shared by every server process: the table
 * rate-limiter-flexible's RateLimiterPostgres reads and writes (src/graphql/rate-limit.ts).
 * `expire` is a Unix time in milliseconds; expired rows are deleted by the limiter hourly.
 */
export class RateLimits1795510100000 implements MigrationInterface {
  name = 'RateLimits1795510100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limits"`);
  }
}
