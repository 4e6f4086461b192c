import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { entitiesByIds } from './entity-rows';

/** A loader of one row per key: `fetch` returns rows, `keyOf` says which key each answers. */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of `entity` rows by their uuid primary key `id` (entitiesByIds). */
export const byIdLoader = <T extends ObjectLiteral & { id: string }>(em: EntityManager, entity: EntityTarget<T>): DataLoader<string, T | null> =>
  rowLoader(
    (ids: readonly string[]) => entitiesByIds(em, entity, ids),
    (row) => row.id,
  );

/** A loader of many rows per key, in the order `fetch` returns them. */
export function groupLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Composite keys as strings, so DataLoader's cache compares them by value. */
export const pairKey = (a: string, b: string) => `${a}:${b}`;

/** The two columns of a batch of pairKey keys, ready for unnest($1::uuid[], $2::uuid[]). */
export function splitPairs(keys: readonly string[]): [string[], string[]] {
  const pairs = keys.map((k) => k.split(':'));
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}
