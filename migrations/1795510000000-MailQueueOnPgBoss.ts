import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail jobs moved from our own mail_jobs outbox to pg-boss, which keeps its tables in the
 * `pgboss` schema and installs them itself at start (src/modules/mail/queue.ts). Jobs still
 * pending in mail_jobs are not carried over; no release ever shipped with it.
 */
export class MailQueueOnPgBoss1795510000000 implements MigrationInterface {
  name = 'MailQueueOnPgBoss1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mail_jobs"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mail_jobs" ("id" BIGSERIAL NOT NULL, "organization_id" uuid, "kind" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "run_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00b07e7a4a840474700d5dbf90e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_6fe03e8766ea55d9dc37b3a2eb" ON "mail_jobs" ("organization_id")`);
    await q.query(`CREATE INDEX "mail_jobs_due" ON "mail_jobs" ("run_at") WHERE sent_at IS NULL`);
  }
}
