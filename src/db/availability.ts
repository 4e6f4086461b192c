/**
 * Whether an error means "the database does not answer" (CONTRACT.md, Errors: UNAVAILABLE),
 * as opposed to a query the database refused. The one place that knows the shapes such an
 * error takes: the socket's own (refused, reset, timed out, unresolvable host), PostgreSQL's
 * (class 08 connection exceptions, shutting down, starting up, out of connection slots), the
 * driver's (`pg`: the connection ended under a query; `pg-pool`: no connection in time), and
 * the wrappers around them (TypeORM's `driverError`, GraphQL's `originalError`, `cause`,
 * an AggregateError's `errors`).
 */

/** How long clients are told to wait before they retry (Retry-After, extensions.retryAfterSeconds). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is matched by prefix. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 6) return false;
  const { code, message, driverError, originalError, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  // Driver errors only: a GraphQL error's message may quote what a client sent.
  if (typeof message === 'string' && !('extensions' in error) && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const nested = [driverError, originalError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}
