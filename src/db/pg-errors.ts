/** PostgreSQL error codes the services turn into domain errors. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
/** What PostgreSQL 17 (and so the embedded PGlite) reports for an ON DELETE RESTRICT reference; 15 says 23503. */
const PG_RESTRICT_VIOLATION = '23001';

function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string };
  return e?.driverError ?? e ?? {};
}

/** True when `error` is a unique violation, of `constraint` when one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === PG_UNIQUE_VIOLATION && (!constraint || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  const { code } = pgError(error);
  return code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION;
}
