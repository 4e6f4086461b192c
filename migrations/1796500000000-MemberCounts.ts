import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each organization's number of members, kept by a trigger in the same transaction as every
 * membership insert and delete (cascades included), so a members page's `totalCount` reads one
 * row instead of counting 100,000. Filtered pages (search, role) still count their rows.
 */
export class MemberCounts1796500000000 implements MigrationInterface {
  name = 'MemberCounts1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "member_counts" ("organization_id" uuid PRIMARY KEY REFERENCES "organizations" ("id") ON DELETE CASCADE, "members" integer NOT NULL CHECK ("members" >= 0))`,
    );
    await q.query(`INSERT INTO "member_counts" SELECT "organization_id", count(*) FROM "memberships" GROUP BY "organization_id"`);
    await q.query(`
      CREATE FUNCTION "count_members"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO member_counts (organization_id, members) VALUES (NEW.organization_id, 1)
            ON CONFLICT (organization_id) DO UPDATE SET members = member_counts.members + 1;
        ELSE
          -- The organization itself may be going (a cascade): then its count row goes with it.
          UPDATE member_counts SET members = members - 1 WHERE organization_id = OLD.organization_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "memberships_count" AFTER INSERT OR DELETE ON "memberships" FOR EACH ROW EXECUTE FUNCTION "count_members"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "memberships_count" ON "memberships"`);
    await q.query(`DROP FUNCTION "count_members"()`);
    await q.query(`DROP TABLE "member_counts"`);
  }
}
