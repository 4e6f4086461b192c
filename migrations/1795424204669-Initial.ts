import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BUILT_IN_ROLES } from '../src/authz/policy-table';

/** The first schema, generated from the entities, plus the indexes and rows they cannot describe. */

export class Initial1795424204669 implements MigrationInterface {
  name = 'Initial1795424204669';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "moniker" character varying(39) NOT NULL, "name" character varying(100) NOT NULL, "description" character varying(1000), "notification_email" character varying(320), "region" character varying(8) NOT NULL, "country" character(2), "plan" character varying(16) NOT NULL DEFAULT \'FREE\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "name" character varying(100) NOT NULL, "password_hash" character varying(255) NOT NULL, "email_verified_at" TIMESTAMP WITH TIME ZONE, "active_organization_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "users_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(64) NOT NULL, "target_type" character varying(32), "target_id" uuid, "data" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events"  ("actor_id") ');
    await q.query('CREATE INDEX "IDX_7b18f2db917b30607134cf0a09" ON "audit_events"  ("organization_id", "created_at", "id") ');
    await q.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions"  ("user_id") ');
    await q.query(
      'CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "description" character varying(1000), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_129d2f8e8a36103c421b1f67b8" ON "projects"  ("organization_id", "created_at", "id") ');
    await q.query(
      'CREATE TABLE "roles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "name" character varying(100) NOT NULL, "description" character varying(1000), "permissions" text array NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_c1433d71a4838793a49dcad46ab" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_c328a1ecd12a5f153a96df4509" ON "roles"  ("organization_id") ');
    await q.query(
      'CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "name" character varying(100), "role" character varying(16) NOT NULL, "note" character varying(1000), "status" character varying(16) NOT NULL DEFAULT \'PENDING\', "token_hash" bytea, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_count" integer NOT NULL DEFAULT \'1\', "last_sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "invited_by_id" uuid, "accepted_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "UQ_872ac94a64b3d44fc4b554780cd" UNIQUE ("token_hash"), CONSTRAINT "invitations_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "invitations_status" CHECK (status IN (\'PENDING\', \'ACCEPTED\', \'DECLINED\', \'REVOKED\', \'EXPIRED\')), CONSTRAINT "invitations_role" CHECK (role IN (\'OWNER\', \'ADMIN\', \'MEMBER\', \'ACCOUNTANT\')), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_d4de0403dd012cf87b430af70e" ON "invitations"  ("invited_by_id") ');
    await q.query('CREATE INDEX "IDX_53799bafd2750d1323f3c7e2eb" ON "invitations"  ("organization_id", "created_at", "id") ');
    await q.query('CREATE UNIQUE INDEX "invitations_one_pending" ON "invitations"  ("organization_id", "email") WHERE status = \'PENDING\'');
    await q.query(
      'CREATE TABLE "invitation_project_grants" ("invitation_id" uuid NOT NULL, "project_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role_id" uuid NOT NULL, CONSTRAINT "PK_a650a3fc7a414a18d34455fb0d4" PRIMARY KEY ("invitation_id", "project_id"))',
    );
    await q.query('CREATE INDEX "IDX_8d761ea727831f66d235f581c8" ON "invitation_project_grants"  ("organization_id") ');
    await q.query('CREATE INDEX "IDX_3d294e78d29a4c4b22998348e0" ON "invitation_project_grants"  ("role_id") ');
    await q.query(
      'CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "description" character varying(1000), "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_fdc736f761896ccc179c823a78" ON "teams"  ("organization_id") ');
    await q.query(
      'CREATE TABLE "invitation_teams" ("invitation_id" uuid NOT NULL, "team_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_9a94e6d95def85fcc476122ab12" PRIMARY KEY ("invitation_id", "team_id"))',
    );
    await q.query('CREATE INDEX "IDX_5ff3251317bdcd1ed430b6771c" ON "invitation_teams"  ("organization_id") ');
    await q.query(
      'CREATE TABLE "mail_jobs" ("id" BIGSERIAL NOT NULL, "organization_id" uuid, "kind" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "run_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00b07e7a4a840474700d5dbf90e" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_6fe03e8766ea55d9dc37b3a2eb" ON "mail_jobs"  ("organization_id") ');
    await q.query('CREATE INDEX "mail_jobs_due" ON "mail_jobs"  ("run_at") WHERE sent_at IS NULL');
    await q.query(
      'CREATE TABLE "memberships" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "memberships_role" CHECK (role IN (\'OWNER\', \'ADMIN\', \'MEMBER\', \'ACCOUNTANT\')), CONSTRAINT "PK_d43d9c8d18fcd49de0fa44bbd79" PRIMARY KEY ("organization_id", "user_id"))',
    );
    await q.query('CREATE INDEX "IDX_e841de858da4ac258a20e4ebcd" ON "memberships"  ("organization_id", "created_at") ');
    await q.query('CREATE INDEX "IDX_17a3abbbc3c6bdc4bf5c890ea4" ON "memberships"  ("user_id", "created_at") ');
    await q.query(
      'CREATE TABLE "organization_monikers" ("moniker" character varying(39) NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_514ca95db4a07e7c45972aef6a9" PRIMARY KEY ("moniker"))',
    );
    await q.query('CREATE INDEX "IDX_8d4918c791172e1b27eaccdf26" ON "organization_monikers"  ("organization_id") ');
    await q.query(
      'CREATE TABLE "project_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "project_id" uuid NOT NULL, "user_id" uuid, "team_id" uuid, "role_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "project_grants_one_principal" CHECK ((user_id IS NULL) <> (team_id IS NULL)), CONSTRAINT "PK_4f133fc5cb9eb5dd98e79093aeb" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_00d2e464be771b03643c7ee014" ON "project_grants"  ("organization_id") ');
    await q.query('CREATE INDEX "IDX_a56624b3ed0da7dd44a5f06b2f" ON "project_grants"  ("user_id") ');
    await q.query('CREATE INDEX "IDX_e8dd133f45b3a3e17ba2ec82a0" ON "project_grants"  ("team_id") ');
    await q.query('CREATE INDEX "IDX_5fdfdde4f9dc9731a0baadf548" ON "project_grants"  ("role_id") ');
    await q.query('CREATE UNIQUE INDEX "project_grants_project_team" ON "project_grants"  ("project_id", "team_id") WHERE team_id IS NOT NULL');
    await q.query('CREATE UNIQUE INDEX "project_grants_project_user" ON "project_grants"  ("project_id", "user_id") WHERE user_id IS NOT NULL');
    await q.query(
      'CREATE TABLE "team_members" ("team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "team_members_role" CHECK (role IN (\'TEAM_ADMIN\', \'TEAM_MEMBER\')), CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id"))',
    );
    await q.query('CREATE INDEX "IDX_a33abe4951c0987e5ab831cb6e" ON "team_members"  ("organization_id", "user_id") ');
    await q.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_b6efb6c252106821c8bd822af86" FOREIGN KEY ("active_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "audit_events" ADD CONSTRAINT "FK_6510e4bf7423cd3d750e8c2ae81" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "audit_events" ADD CONSTRAINT "FK_04c7c044146c6632491a370fc04" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "projects" ADD CONSTRAINT "FK_585c8ce06628c70b70100bfb842" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "roles" ADD CONSTRAINT "FK_c328a1ecd12a5f153a96df4509e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "FK_d4de0403dd012cf87b430af70ef" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "FK_669fdec7c1734fcfb4043042899" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitation_project_grants" ADD CONSTRAINT "FK_f8312d19568d48e2d7bb22161ab" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitation_project_grants" ADD CONSTRAINT "FK_490aeeec79406bf3ea40822285a" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitation_project_grants" ADD CONSTRAINT "FK_3d294e78d29a4c4b22998348e0e" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "teams" ADD CONSTRAINT "FK_fdc736f761896ccc179c823a785" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitation_teams" ADD CONSTRAINT "FK_1776429b9d9b883b2425c45231a" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "invitation_teams" ADD CONSTRAINT "FK_9eed6f6370758c0c21205f5e690" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "memberships" ADD CONSTRAINT "FK_e5380c394ec7912046d07b54290" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "organization_monikers" ADD CONSTRAINT "FK_8d4918c791172e1b27eaccdf26a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "project_grants" ADD CONSTRAINT "FK_93aa1f024ca002338685419788c" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "project_grants" ADD CONSTRAINT "FK_0ca1818e532efe35a3415586515" FOREIGN KEY ("organization_id", "user_id") REFERENCES "memberships"("organization_id","user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "project_grants" ADD CONSTRAINT "FK_e8dd133f45b3a3e17ba2ec82a01" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "project_grants" ADD CONSTRAINT "FK_5fdfdde4f9dc9731a0baadf5481" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "team_members" ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "team_members" ADD CONSTRAINT "FK_a33abe4951c0987e5ab831cb6e6" FOREIGN KEY ("organization_id", "user_id") REFERENCES "memberships"("organization_id","user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // What TypeORM cannot describe: case-insensitive unique names and the one default team.
    await q.query(`CREATE UNIQUE INDEX "teams_organization_id_name" ON "teams" ("organization_id", lower("name"))`);
    await q.query(`CREATE UNIQUE INDEX "teams_one_default" ON "teams" ("organization_id") WHERE "is_default"`);
    await q.query(
      `CREATE UNIQUE INDEX "roles_organization_id_name" ON "roles" (COALESCE("organization_id", '00000000-0000-0000-0000-000000000000'), lower("name"))`,
    );
    for (const role of BUILT_IN_ROLES) {
      await q.query(`INSERT INTO "roles" ("id", "organization_id", "name", "description", "permissions") VALUES ($1, NULL, $2, $3, $4)`, [
        role.id,
        role.name,
        role.description,
        [...role.permissions],
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "roles_organization_id_name"`);
    await q.query(`DROP INDEX "teams_one_default"`);
    await q.query(`DROP INDEX "teams_organization_id_name"`);
    await q.query('ALTER TABLE "team_members" DROP CONSTRAINT "FK_a33abe4951c0987e5ab831cb6e6"');
    await q.query('ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"');
    await q.query('ALTER TABLE "project_grants" DROP CONSTRAINT "FK_5fdfdde4f9dc9731a0baadf5481"');
    await q.query('ALTER TABLE "project_grants" DROP CONSTRAINT "FK_e8dd133f45b3a3e17ba2ec82a01"');
    await q.query('ALTER TABLE "project_grants" DROP CONSTRAINT "FK_0ca1818e532efe35a3415586515"');
    await q.query('ALTER TABLE "project_grants" DROP CONSTRAINT "FK_93aa1f024ca002338685419788c"');
    await q.query('ALTER TABLE "organization_monikers" DROP CONSTRAINT "FK_8d4918c791172e1b27eaccdf26a"');
    await q.query('ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"');
    await q.query('ALTER TABLE "memberships" DROP CONSTRAINT "FK_e5380c394ec7912046d07b54290"');
    await q.query('ALTER TABLE "invitation_teams" DROP CONSTRAINT "FK_9eed6f6370758c0c21205f5e690"');
    await q.query('ALTER TABLE "invitation_teams" DROP CONSTRAINT "FK_1776429b9d9b883b2425c45231a"');
    await q.query('ALTER TABLE "teams" DROP CONSTRAINT "FK_fdc736f761896ccc179c823a785"');
    await q.query('ALTER TABLE "invitation_project_grants" DROP CONSTRAINT "FK_3d294e78d29a4c4b22998348e0e"');
    await q.query('ALTER TABLE "invitation_project_grants" DROP CONSTRAINT "FK_490aeeec79406bf3ea40822285a"');
    await q.query('ALTER TABLE "invitation_project_grants" DROP CONSTRAINT "FK_f8312d19568d48e2d7bb22161ab"');
    await q.query('ALTER TABLE "invitations" DROP CONSTRAINT "FK_669fdec7c1734fcfb4043042899"');
    await q.query('ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4de0403dd012cf87b430af70ef"');
    await q.query('ALTER TABLE "invitations" DROP CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0"');
    await q.query('ALTER TABLE "roles" DROP CONSTRAINT "FK_c328a1ecd12a5f153a96df4509e"');
    await q.query('ALTER TABLE "projects" DROP CONSTRAINT "FK_585c8ce06628c70b70100bfb842"');
    await q.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"');
    await q.query('ALTER TABLE "audit_events" DROP CONSTRAINT "FK_04c7c044146c6632491a370fc04"');
    await q.query('ALTER TABLE "audit_events" DROP CONSTRAINT "FK_6510e4bf7423cd3d750e8c2ae81"');
    await q.query('ALTER TABLE "users" DROP CONSTRAINT "FK_b6efb6c252106821c8bd822af86"');
    await q.query('DROP INDEX "public"."IDX_a33abe4951c0987e5ab831cb6e"');
    await q.query('DROP TABLE "team_members"');
    await q.query('DROP INDEX "public"."project_grants_project_user"');
    await q.query('DROP INDEX "public"."project_grants_project_team"');
    await q.query('DROP INDEX "public"."IDX_5fdfdde4f9dc9731a0baadf548"');
    await q.query('DROP INDEX "public"."IDX_e8dd133f45b3a3e17ba2ec82a0"');
    await q.query('DROP INDEX "public"."IDX_a56624b3ed0da7dd44a5f06b2f"');
    await q.query('DROP INDEX "public"."IDX_00d2e464be771b03643c7ee014"');
    await q.query('DROP TABLE "project_grants"');
    await q.query('DROP INDEX "public"."IDX_8d4918c791172e1b27eaccdf26"');
    await q.query('DROP TABLE "organization_monikers"');
    await q.query('DROP INDEX "public"."IDX_17a3abbbc3c6bdc4bf5c890ea4"');
    await q.query('DROP INDEX "public"."IDX_e841de858da4ac258a20e4ebcd"');
    await q.query('DROP TABLE "memberships"');
    await q.query('DROP INDEX "public"."mail_jobs_due"');
    await q.query('DROP INDEX "public"."IDX_6fe03e8766ea55d9dc37b3a2eb"');
    await q.query('DROP TABLE "mail_jobs"');
    await q.query('DROP INDEX "public"."IDX_5ff3251317bdcd1ed430b6771c"');
    await q.query('DROP TABLE "invitation_teams"');
    await q.query('DROP INDEX "public"."IDX_fdc736f761896ccc179c823a78"');
    await q.query('DROP TABLE "teams"');
    await q.query('DROP INDEX "public"."IDX_3d294e78d29a4c4b22998348e0"');
    await q.query('DROP INDEX "public"."IDX_8d761ea727831f66d235f581c8"');
    await q.query('DROP TABLE "invitation_project_grants"');
    await q.query('DROP INDEX "public"."invitations_one_pending"');
    await q.query('DROP INDEX "public"."IDX_53799bafd2750d1323f3c7e2eb"');
    await q.query('DROP INDEX "public"."IDX_d4de0403dd012cf87b430af70e"');
    await q.query('DROP TABLE "invitations"');
    await q.query('DROP INDEX "public"."IDX_c328a1ecd12a5f153a96df4509"');
    await q.query('DROP TABLE "roles"');
    await q.query('DROP INDEX "public"."IDX_129d2f8e8a36103c421b1f67b8"');
    await q.query('DROP TABLE "projects"');
    await q.query('DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"');
    await q.query('DROP TABLE "sessions"');
    await q.query('DROP INDEX "public"."IDX_7b18f2db917b30607134cf0a09"');
    await q.query('DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"');
    await q.query('DROP TABLE "audit_events"');
    await q.query('DROP TABLE "users"');
    await q.query('DROP TABLE "organizations"');
  }
}
