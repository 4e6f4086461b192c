import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Instance administrators and disabled accounts (src/modules/admin; the columns belong to auth's users). */
export class InstanceAdministration1796400000000 implements MigrationInterface {
  name = 'InstanceAdministration1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "users" ADD "is_instance_admin" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "users" DROP COLUMN "disabled_at"');
    await q.query('ALTER TABLE "users" DROP COLUMN "is_instance_admin"');
  }
}
