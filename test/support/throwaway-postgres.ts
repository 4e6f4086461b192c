import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './mail';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own (initdb and pg_ctl from Debian's packages, in a temporary
 * directory, on a free port) that the test may stop and start: the shared server on 5432 is
 * never touched. As root, the cluster runs as the `postgres` OS user (initdb refuses root).
 */
export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** `immediate` is a crash (no checkpoint; WAL replay at the next start); `fast` is an operator's stop. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/** The cluster, or why there cannot be one here (printed by the caller when it skips). */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres | { unavailable: string }> {
  const bin = binDir();
  if (!bin) return { unavailable: 'no initdb/pg_ctl under /usr/lib/postgresql/*/bin' };
  const asRoot = userInfo().uid === 0;
  const base = mkdtempSync(path.join(tmpdir(), 'orgraph-pg-'));
  const data = path.join(base, 'data');
  const sockets = path.join(base, 'sockets');
  mkdirSync(sockets);
  const port = await freePort();
  const owner = async (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    return run(file, argv, { timeout: 60_000 });
  };
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const uid = Number(stdout.trim());
      const { stdout: gidOut } = await run('id', ['-g', 'postgres']);
      for (const dir of [base, sockets]) chownSync(dir, uid, Number(gidOut.trim()));
    }
    await owner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C']);
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    return { unavailable: `initdb failed: ${(error as Error).message.split('\n')[0]}` };
  }
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  const start = async () => {
    await owner('pg_ctl', ['-D', data, '-l', path.join(base, 'log'), '-o', options, '-w', '-t', '30', 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await owner('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
