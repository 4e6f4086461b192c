import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (CONTRACT.md, Accounts): one-time account links (src/modules/accounts), the sessions'
 * last use and user agent, and the notification mailbox's confirmation. Mailboxes named before
 * this migration count as unconfirmed: naming one again mails its link.
 */
export class Accounts1796457441778 implements MigrationInterface {
  name = 'Accounts1796457441778';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" character varying(32) NOT NULL, "user_id" uuid, "organization_id" uuid, "email" character varying(320) NOT NULL, "request_id" uuid NOT NULL, "token_hash" bytea, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e4845545bfc779f91680fcc2c9e" UNIQUE ("request_id"), CONSTRAINT "UQ_167033390a71c52224c7c636c8b" UNIQUE ("token_hash"), CONSTRAINT "account_tokens_one_subject" CHECK ((user_id IS NULL) <> (organization_id IS NULL)), CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "account_tokens_one_per_organization" ON "account_tokens"  ("purpose", "organization_id") WHERE "organization_id" IS NOT NULL',
    );
    await q.query('CREATE UNIQUE INDEX "account_tokens_one_per_user" ON "account_tokens"  ("purpose", "user_id") WHERE "user_id" IS NOT NULL');
    await q.query('ALTER TABLE "organizations" ADD "notification_email_verified_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "sessions" ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()');
    await q.query('ALTER TABLE "sessions" ADD "user_agent" character varying(512)');
    await q.query(
      'ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_c92e902ddeb5722ef60b5a20b4b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_c92e902ddeb5722ef60b5a20b4b"');
    await q.query('ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6"');
    await q.query('ALTER TABLE "sessions" DROP COLUMN "user_agent"');
    await q.query('ALTER TABLE "sessions" DROP COLUMN "last_used_at"');
    await q.query('ALTER TABLE "organizations" DROP COLUMN "notification_email_verified_at"');
    await q.query('DROP INDEX "public"."account_tokens_one_per_user"');
    await q.query('DROP INDEX "public"."account_tokens_one_per_organization"');
    await q.query('DROP TABLE "account_tokens"');
  }
}
