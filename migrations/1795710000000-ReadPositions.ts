import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-your-writes with read replicas (src/db/read-positions.ts): each session's WAL position
 * after its last mutation's commit. A replica serves the session's reads only once it has
 * replayed this position. Gone with the session.
 */
export class ReadPositions1795710000000 implements MigrationInterface {
  name = 'ReadPositions1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "read_positions" ("session_id" uuid PRIMARY KEY REFERENCES "sessions" ("id") ON DELETE CASCADE, "lsn" pg_lsn NOT NULL, "updated_at" timestamptz NOT NULL DEFAULT now())`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "read_positions"`);
  }
}
