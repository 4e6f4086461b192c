import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { PageRequest } from '../common/paging';
import { preparedRows } from './sql';

export interface Page<T> {
  /** Up to `limit + 1` rows in the page's order (the extra row says there is a next page). */
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
  /** The node of a row; `once` is what the `once` expression gave (undefined without one). */
  toNode: (row: Record<string, unknown>, once: unknown) => T;
  /**
   * An SQL expression over `page` (every parent's page rows, with the source's columns) computed
   * once for the whole response rather than per row: e.g. the rows a page's rows refer to, each
   * read once however many rows share it. Only the first row carries it.
   */
  once?: string;
  /** DESC (newest first, the default) or ASC (oldest first). */
  order?: 'ASC' | 'DESC';
  /**
   * Each parent's total as an SQL expression over `p.page_parent_id` (e.g. a counter column
   * kept by the owning module); by default the source's rows of the parent are counted.
   */
  total?: string;
}

/**
 * One page of children for each of many parents, with each parent's total, in ONE statement:
 * for each parent, a LATERAL subquery reads the rows after the cursor in keyset order up to
 * `limit + 1` (an index on (parent, created_at) serves it without reading the rest), and
 * another gives its total. So a nested connection costs one query however many parents the
 * response holds, and a page costs the same however many children a parent has (but the count).
 */
export async function pagesPerParent<T>(
  em: EntityManager,
  parentIds: readonly string[],
  request: PageRequest,
  query: PagesPerParentQuery<T>,
): Promise<Page<T>[]> {
  const params: unknown[] = [[...parentIds], ...(query.params ?? [])];
  const param = (value: unknown) => `$${params.push(value)}`;
  const order = query.order ?? 'DESC';
  const after = request.after
    ? `AND (s.created_at, s.tie_id) ${order === 'DESC' ? '<' : '>'} (${param(request.after.createdAt)}::timestamptz, ${param(request.after.id)}::uuid)`
    : '';
  const total = query.total ?? `(SELECT count(*) FROM (${query.source}) c WHERE c.parent_id = p.page_parent_id)`;
  // The total once per parent (OFFSET 0 keeps PostgreSQL from pulling it up into every row of the page).
  const pagesSql = `SELECT p.page_parent_id, pt.page_total, r.*
       FROM unnest($1::uuid[]) AS p(page_parent_id)
       CROSS JOIN LATERAL (SELECT (${total})::int AS page_total OFFSET 0) pt
       LEFT JOIN LATERAL (
             SELECT s.* FROM (${query.source}) s
              WHERE s.parent_id = p.page_parent_id ${after}
              ORDER BY s.created_at ${order}, s.tie_id ${order}
              LIMIT ${param(request.limit + 1)}) r ON true`;
  const ordered = (parent: string, row: string) => `ORDER BY ${parent}.page_parent_id, ${row}.created_at ${order}, ${row}.tie_id ${order}`;
  const rows = await preparedRows<Record<string, unknown>>(
    em,
    query.once
      ? `WITH page AS (${pagesSql})
         SELECT page.*, CASE WHEN row_number() OVER () = 1 THEN ${query.once} END AS page_once FROM page ${ordered('page', 'page')}`
      : `${pagesSql} ${ordered('p', 'r')}`,
    params,
  );
  const once = rows.find((row) => row.page_once != null)?.page_once;
  const pages = new Map<string, Page<T>>();
  for (const row of rows) {
    const parentId = row.page_parent_id as string;
    let page = pages.get(parentId);
    if (!page) pages.set(parentId, (page = { rows: [], totalCount: row.page_total as number }));
    if (row.parent_id !== null) page.rows.push(query.toNode(row, once));
  }
  return parentIds.map((id) => pages.get(id) ?? { rows: [], totalCount: 0 });
}

/**
 * Per-request loaders of pages keyed by parent id, one DataLoader per distinct page request
 * (first, after) and `scope` (e.g. whose view the page is, or a filter), so sibling
 * connections asking the same page batch together.
 */
export function pageLoaders<T, S = string>(
  fetch: (parentIds: readonly string[], request: PageRequest, scope: S | undefined) => Promise<Page<T>[]>,
): (request: PageRequest, scope?: S) => DataLoader<string, Page<T>> {
  const byRequest = new Map<string, DataLoader<string, Page<T>>>();
  return (request, scope) => {
    const key = JSON.stringify([scope ?? null, request.limit, request.after?.createdAt.toISOString() ?? null, request.after?.id ?? null]);
    let loader = byRequest.get(key);
    if (!loader) {
      loader = new DataLoader<string, Page<T>>((parentIds) => fetch(parentIds, request, scope));
      byRequest.set(key, loader);
    }
    return loader;
  };
}
