import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's teams across organizations, which every project-visibility check asks for. */
export class TeamMembersByUser1796500100000 implements MigrationInterface {
  name = 'TeamMembersByUser1796500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_1d3c06a8217a8785e2af0ec4ab" ON "team_members" ("user_id", "team_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_1d3c06a8217a8785e2af0ec4ab"`);
  }
}
