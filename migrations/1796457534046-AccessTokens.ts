import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal access tokens (src/modules/access-tokens): only their hashes; a name unique per user. */
export class AccessTokens1796457534046 implements MigrationInterface {
  name = 'AccessTokens1796457534046';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "access_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "token_hash" bytea NOT NULL, "organization_permissions" text array NOT NULL, "project_permissions" text array NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_9bbf8c3c1a897742f78d50e729b" UNIQUE ("token_hash"), CONSTRAINT "PK_65140f59763ff994a0252488166" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_2ce0dfe6bca0c7c354067e4c79" ON "access_tokens"  ("organization_id") ');
    await q.query('CREATE INDEX "IDX_b7fe3a13540d919b824367701b" ON "access_tokens"  ("user_id", "created_at", "id") ');
    await q.query('CREATE UNIQUE INDEX "access_tokens_user_name" ON "access_tokens"  ("user_id", "name") ');
    await q.query(
      'ALTER TABLE "access_tokens" ADD CONSTRAINT "FK_09ee750a035b06e0c7f0704687e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "access_tokens" ADD CONSTRAINT "FK_2ce0dfe6bca0c7c354067e4c79f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "access_tokens" DROP CONSTRAINT "FK_2ce0dfe6bca0c7c354067e4c79f"');
    await q.query('ALTER TABLE "access_tokens" DROP CONSTRAINT "FK_09ee750a035b06e0c7f0704687e"');
    await q.query('DROP INDEX "public"."access_tokens_user_name"');
    await q.query('DROP INDEX "public"."IDX_b7fe3a13540d919b824367701b"');
    await q.query('DROP INDEX "public"."IDX_2ce0dfe6bca0c7c354067e4c79"');
    await q.query('DROP TABLE "access_tokens"');
  }
}
