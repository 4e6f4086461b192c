/**
 * PostgreSQL WAL positions (pg_lsn, printed as `16/B374D848`) as bigints, so that positions
 * read from the primary (`pg_current_wal_lsn()`) and from a replica (`pg_last_wal_replay_lsn()`)
 * compare in TypeScript.
 */
export type Lsn = bigint;

export function parseLsn(text: string): Lsn {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
