import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks and their deliveries (src/modules/webhooks); both go with their organization. */
export class Webhooks1795600100000 implements MigrationInterface {
  name = 'Webhooks1795600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "url" character varying(2048) NOT NULL, "actions" character varying(64) array NOT NULL, "description" character varying(1000), "enabled" boolean NOT NULL DEFAULT true, "secret_encrypted" text NOT NULL, "previous_secret_encrypted" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_6bf88403396069f889442793a5" ON "webhooks"  ("organization_id", "created_at", "id") ');
    await q.query(
      'CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "event_id" uuid, "action" character varying(64) NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "response_status" integer, "last_result" character varying(512), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "next_attempt_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_deliveries_status" CHECK (status IN (\'PENDING\', \'SUCCEEDED\', \'RETRYING\', \'FAILED\')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_b8b3eeb3c949b2d410ceac2a4d" ON "webhook_deliveries"  ("webhook_id", "created_at", "id") ');
    await q.query(
      'ALTER TABLE "webhooks" ADD CONSTRAINT "FK_1263da9f2a66fe09006bd86130e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2"');
    await q.query('ALTER TABLE "webhooks" DROP CONSTRAINT "FK_1263da9f2a66fe09006bd86130e"');
    await q.query('DROP INDEX "public"."IDX_b8b3eeb3c949b2d410ceac2a4d"');
    await q.query('DROP TABLE "webhook_deliveries"');
    await q.query('DROP INDEX "public"."IDX_6bf88403396069f889442793a5"');
    await q.query('DROP TABLE "webhooks"');
  }
}
