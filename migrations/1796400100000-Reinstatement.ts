import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What departed members held, kept 90 days (src/modules/reinstatement), and invitations that reinstate it. */
export class Reinstatement1796400100000 implements MigrationInterface {
  name = 'Reinstatement1796400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "member_removals" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "teams" jsonb NOT NULL, "project_grants" jsonb NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f84cd8125df04ff4daf4da4c64c" PRIMARY KEY ("organization_id", "user_id"))',
    );
    await q.query('CREATE INDEX "IDX_fa79fee34bbd36c1d3499981a9" ON "member_removals"  ("removed_at") ');
    await q.query('ALTER TABLE "invitations" ADD "reinstate" boolean NOT NULL DEFAULT false');
    await q.query(
      'ALTER TABLE "member_removals" ADD CONSTRAINT "FK_020f9bdbd9b31eba0ec0c25ef38" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "member_removals" ADD CONSTRAINT "FK_5cb151351cff26be4209a7b298c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "member_removals" DROP CONSTRAINT "FK_5cb151351cff26be4209a7b298c"');
    await q.query('ALTER TABLE "member_removals" DROP CONSTRAINT "FK_020f9bdbd9b31eba0ec0c25ef38"');
    await q.query('ALTER TABLE "invitations" DROP COLUMN "reinstate"');
    await q.query('DROP INDEX "public"."IDX_fa79fee34bbd36c1d3499981a9"');
    await q.query('DROP TABLE "member_removals"');
  }
}
