import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { PageRequest } from '../common/paging';

export interface Page<T> {
  /** Up to `limit + 1` rows, newest first (the extra row says there is a next page). */
  rows: T[];
  totalCount: number;
}

export interface PagesPerParentQuery<T> {
  /**
   * A SELECT of every child row of the parents in `$1::uuid[]`, with the columns `parent_id`,
   * `created_at` and `tie_id` (the keyset tie-breaker); extra parameters are `$2`, `$3`, …
   */
  source: string;
  params?: unknown[];
  toNode: (row: Record<string, unknown>) => T;
}

/**
 * One page of children for each of many parents, with each parent's total, in ONE statement:
 * totals over the whole set, then row_number() per parent over the rows after the cursor.
 * So a nested connection costs one query however many parents the response holds.
 */
export async function pagesPerParent<T>(
  em: EntityManager,
  parentIds: readonly string[],
  request: PageRequest,
  query: PagesPerParentQuery<T>,
): Promise<Page<T>[]> {
  const extra = query.params ?? [];
  const at = (offset: number) => `$${extra.length + 1 + offset}`;
  const rows: Array<Record<string, unknown>> = await em.query(
    `WITH src AS (${query.source}),
          parents AS (SELECT DISTINCT unnest($1::uuid[]) AS page_parent_id),
          totals AS (
            SELECT p.page_parent_id, count(s.parent_id)::int AS page_total
              FROM parents p LEFT JOIN src s ON s.parent_id = p.page_parent_id
             GROUP BY p.page_parent_id),
          ranked AS (
            SELECT s.*, row_number() OVER (PARTITION BY s.parent_id ORDER BY s.created_at DESC, s.tie_id DESC) AS page_row
              FROM src s
             WHERE ${at(1)}::timestamptz IS NULL OR (s.created_at, s.tie_id) < (${at(1)}::timestamptz, ${at(2)}::uuid))
     SELECT t.page_parent_id, t.page_total, r.*
       FROM totals t LEFT JOIN ranked r ON r.parent_id = t.page_parent_id AND r.page_row <= ${at(3)}
      ORDER BY t.page_parent_id, r.page_row`,
    [[...parentIds], ...extra, request.after?.createdAt ?? null, request.after?.id ?? null, request.limit + 1],
  );
  const pages = new Map<string, Page<T>>();
  for (const row of rows) {
    const parentId = row.page_parent_id as string;
    const page = pages.get(parentId) ?? { rows: [], totalCount: row.page_total as number };
    if (row.parent_id !== null) page.rows.push(query.toNode(row));
    pages.set(parentId, page);
  }
  return parentIds.map((id) => pages.get(id) ?? { rows: [], totalCount: 0 });
}

/**
 * Per-request loaders of pages keyed by parent id, one DataLoader per distinct page request
 * (first, after) and `scope` (e.g. whose view the page is), so sibling connections asking the
 * same page batch together.
 */
export function pageLoaders<T>(
  fetch: (parentIds: readonly string[], request: PageRequest, scope: string) => Promise<Page<T>[]>,
): (request: PageRequest, scope?: string) => DataLoader<string, Page<T>> {
  const byRequest = new Map<string, DataLoader<string, Page<T>>>();
  return (request, scope = '') => {
    const key = JSON.stringify([scope, request.limit, request.after?.createdAt.toISOString() ?? null, request.after?.id ?? null]);
    let loader = byRequest.get(key);
    if (!loader) {
      loader = new DataLoader<string, Page<T>>((parentIds) => fetch(parentIds, request, scope));
      byRequest.set(key, loader);
    }
    return loader;
  };
}
