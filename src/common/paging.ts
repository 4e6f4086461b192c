/** Keyset paging, independent of GraphQL: page requests, cursors, and their SQL condition. */
import { BadUserInputError } from './errors';
import { isUuid } from './ids';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Keyset position: rows are ordered by (createdAt, id); createdAt has millisecond precision. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export interface PageRequest {
  limit: number;
  after: Cursor | null;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
}

/** Rows are created between these instants; a cursor outside them points nowhere (and PostgreSQL could not compare it). */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

function decodeCursor(value: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(createdAt as string);
    const time = date.getTime();
    if (typeof createdAt === 'string' && time >= EARLIEST && time <= LATEST && isUuid(id)) return { createdAt: date, id };
  } catch {
    // fall through to the input error
  }
  throw BadUserInputError.field('after', 'Malformed cursor.');
}

/** Validates `first` (1 to 100, default 20) and decodes `after`. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw BadUserInputError.field('first', `Must be from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return { limit, after: after ? decodeCursor(after) : null };
}
