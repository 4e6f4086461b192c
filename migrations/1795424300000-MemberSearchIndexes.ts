import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member search is a case-insensitive substring match (ILIKE '%…%') on users' names and
 * emails: trigram GIN indexes serve it, where a b-tree cannot.
 */
export class MemberSearchIndexes1795424300000 implements MigrationInterface {
  name = 'MemberSearchIndexes1795424300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "users_name_trgm" ON "users" USING gin ("name" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "users_email_trgm" ON "users" USING gin ("email" gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "users_email_trgm"`);
    await q.query(`DROP INDEX "users_name_trgm"`);
  }
}
