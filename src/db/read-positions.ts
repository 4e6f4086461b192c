import type { DataSource } from 'typeorm';
import { isForeignKeyViolation } from './pg-errors';
import { parseLsn, type Lsn } from './lsn';
import { sqlRows } from './sql';

/**
 * Read-your-writes per session, on the primary, in the read_positions table: after each
 * mutation of a session (its commit returned), `recordWrite` keeps the primary's WAL position,
 * which is then at or past that commit; a replica serves the session's reads only once it has
 * replayed that position. A session without a row (new, or born from an anonymous mutation
 * such as login or acceptInvitation) gets the primary's current position at its first read:
 * whatever made it had committed before its token reached the client.
 */
export class ReadPositions {
  constructor(private readonly primary: DataSource) {}

  /** The position a replica must have replayed to serve this session (one statement; the first time it inserts). */
  async ofSession(sessionId: string): Promise<Lsn> {
    const [row] = await sqlRows<{ lsn: string }>(
      this.primary,
      `WITH known AS (SELECT lsn FROM read_positions WHERE session_id = $1),
            added AS (
              INSERT INTO read_positions (session_id, lsn)
              SELECT $1, pg_current_wal_lsn() WHERE NOT EXISTS (SELECT 1 FROM known)
              ON CONFLICT (session_id) DO UPDATE SET lsn = GREATEST(read_positions.lsn, EXCLUDED.lsn)
              RETURNING lsn)
       SELECT lsn::text FROM known UNION ALL SELECT lsn::text FROM added`,
      [sessionId],
    );
    return parseLsn(row.lsn);
  }

  /** After a mutation of the session: its reads wait for a replica that has replayed this. */
  async recordWrite(sessionId: string): Promise<void> {
    try {
      await this.primary.query(
        `INSERT INTO read_positions (session_id, lsn) VALUES ($1, pg_current_wal_lsn())
         ON CONFLICT (session_id) DO UPDATE SET lsn = GREATEST(read_positions.lsn, EXCLUDED.lsn), updated_at = now()`,
        [sessionId],
      );
    } catch (error) {
      // The mutation ended the session (logout): nothing reads as it any more.
      if (!isForeignKeyViolation(error)) throw error;
    }
  }
}
