import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

/**
 * A primary and a streaming replica of a test's own (initdb, pg_ctl and pg_basebackup from
 * Debian's PostgreSQL packages, in a temporary directory, on free ports); the shared server on
 * 5432 is never touched. As root, the clusters run as the `postgres` OS user (initdb refuses root).
 * The replica applies WAL `applyDelayMs` late (recovery_min_apply_delay), so its lag is known.
 */
export interface ReplicatedPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/<database> on the primary. */
  primaryUrl(database?: string): string;
  /** The same on the replica. */
  replicaUrl(database?: string): string;
  /** Sets the replica's recovery_min_apply_delay (a reload; no restart). */
  setApplyDelay(ms: number): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both and removes their files. */
  destroy(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const needed = ['initdb', 'pg_ctl', 'pg_basebackup'];
  const versions = readdirSync(root)
    .filter((v) => needed.every((tool) => existsSync(path.join(root, v, 'bin', tool))))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The pair, or why there cannot be one here (printed by the caller when it skips). */
export async function createReplicatedPostgres({ applyDelayMs = 0 } = {}): Promise<ReplicatedPostgres | { unavailable: string }> {
  const bin = binDir();
  if (!bin) return { unavailable: 'no initdb/pg_ctl/pg_basebackup under /usr/lib/postgresql/*/bin' };
  const asRoot = userInfo().uid === 0;
  const base = mkdtempSync(path.join(tmpdir(), 'orgraph-replicas-'));
  const primaryDir = path.join(base, 'primary');
  const replicaDir = path.join(base, 'replica');
  const sockets = path.join(base, 'sockets');
  mkdirSync(sockets);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const owner = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    return run(file, argv, { timeout: 60_000 });
  };
  const options = (port: number) => `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1`;
  const start = (dir: string, port: number) => owner('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-o', options(port), '-w', '-t', '30', 'start']);
  const stop = async (dir: string) => {
    await owner('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
  };
  /** As root, what the clusters write must belong to the `postgres` OS user. */
  const ids = asRoot ? await Promise.all(['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim()))) : null;
  const own = (file: string) => ids && chownSync(file, ids[0], ids[1]);
  const url = (port: number, database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const destroy = async () => {
    await stop(replicaDir);
    await stop(primaryDir);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    for (const dir of [base, sockets]) own(dir);
    await owner('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C']);
    // Replication needs wal_level=replica (the default) and WAL senders; fsync off: throwaway data.
    appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      ['wal_level = replica', 'max_wal_senders = 4', 'max_connections = 60', 'fsync = off', 'full_page_writes = off', 'shared_buffers = 32MB', ''].join('\n'),
    );
    await start(primaryDir, primaryPort);
    await owner('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-X',
      'stream',
      '-R',
      '-c',
      'fast',
      '--no-sync',
    ]);
    // The delay lives in its own file, so that setApplyDelay rewrites it and reloads.
    const delayFile = path.join(replicaDir, 'apply-delay.conf');
    const writeDelay = (ms: number) => {
      writeFileSync(delayFile, `recovery_min_apply_delay = '${ms}ms'\n`);
      own(delayFile);
    };
    writeDelay(applyDelayMs);
    appendFileSync(path.join(replicaDir, 'postgresql.conf'), `hot_standby = on\nhot_standby_feedback = on\ninclude_if_exists = '${delayFile}'\n`);
    await start(replicaDir, replicaPort);
    return {
      primaryUrl: (database) => url(primaryPort, database),
      replicaUrl: (database) => url(replicaPort, database),
      async setApplyDelay(ms) {
        writeDelay(ms);
        await owner('pg_ctl', ['-D', replicaDir, 'reload']);
      },
      async caughtUp(timeoutMs = 20_000) {
        const [{ lsn }] = await sql<{ lsn: string }>(url(primaryPort), 'SELECT pg_current_wal_lsn()::text AS lsn');
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const [{ done }] = await sql<{ done: boolean }>(url(replicaPort), `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
          if (done) return;
          if (Date.now() > deadline) throw new Error(`the replica did not replay ${lsn} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      stopReplica: () => stop(replicaDir),
      startReplica: async () => {
        await start(replicaDir, replicaPort);
      },
      destroy,
    };
  } catch (error) {
    await destroy();
    return { unavailable: `could not make a primary and a replica: ${(error as Error).message.split('\n')[0]}` };
  }
}
