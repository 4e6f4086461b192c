import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { freePort } from './support/mail';
import { DataDirInUseError, lockDataDir, type DataDirLock } from '../src/db/data-dir-lock';
import { builtServer, killSpawned, spawnRaw, tempDir } from './support/server-process';

/**
 * CONTRACT.md, Lifecycle: a port in use, an unreachable or missing database, bad configuration
 * or an embedded data directory held by another server stop the start with one clear line on
 * stderr (no stack) and exit code 1; the embedded directory is locked, and no lock outlives
 * its server, however that server ended.
 */

const dataDir = tempDir('orgraph-startup-');
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  await builtServer();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
  busyPort = (busy.address() as { port: number }).port;
}, 120_000);

afterAll(async () => {
  await killSpawned();
  await new Promise((resolve) => busy.close(resolve));
  dataDir.remove();
});

/** Runs a start that must fail: its exit code and stderr. */
async function failedStart(env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  const started = spawnRaw({ DATA_DIR: dataDir.dir, ...env });
  const { code } = await started.exited;
  return { code, stderr: started.stderr() };
}

function expectOneLine(result: { code: number | null; stderr: string }, line: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(line);
}

it('stops with one line when the port is in use', async () => {
  expectOneLine(await failedStart({ PORT: String(busyPort) }), new RegExp(`^orgraph: cannot start: port ${busyPort} is in use on 127\\.0\\.0\\.1$`));
  expectOneLine(
    await failedStart({ METRICS_PORT: String(busyPort) }),
    new RegExp(`^orgraph: cannot start: METRICS_PORT ${busyPort} is in use on 127\\.0\\.0\\.1$`),
  );
}, 40_000);

it('stops with one line when the database does not answer', async () => {
  const port = await freePort();
  expectOneLine(
    await failedStart({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/orgraph` }),
    new RegExp(`^orgraph: cannot start: the database at 127\\.0\\.0\\.1:${port} does not answer \\(ECONNREFUSED\\)$`),
  );
}, 40_000);

it('stops with one line on bad configuration', async () => {
  expectOneLine(
    await failedStart({ SHUTDOWN_TIMEOUT_SECONDS: 'soon' }),
    /^orgraph: bad configuration: SHUTDOWN_TIMEOUT_SECONDS must be an integer from 1 to 3600 \(got "soon"\)$/,
  );
}, 40_000);

const onRealPostgres = process.env.DATABASE_URL ? it : it.skip;
if (!process.env.DATABASE_URL) console.warn('startup: the missing-database case is skipped without DATABASE_URL (it needs a PostgreSQL server)');

onRealPostgres(
  'stops with one line when the database does not exist',
  async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/orgraph_no_such_database';
    expectOneLine(
      await failedStart({ DATABASE_URL: url.toString() }),
      /^orgraph: cannot start: the database at .+ has no database "orgraph_no_such_database"$/,
    );
  },
  20_000,
);

describe('the embedded data directory', () => {
  const dir = path.join(dataDir.dir, 'locked');
  const lockFile = path.join(dir, 'pglite.lock');
  const holder = () => {
    try {
      return Number(readFileSync(lockFile, 'utf8'));
    } catch {
      return null;
    }
  };
  const until = async (check: () => boolean | Promise<boolean>, what: string) => {
    for (let waited = 0; !(await check()); waited += 50) {
      if (waited > 30_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const lockedBy = (error: unknown) => (error instanceof DataDirInUseError ? error.holderPid : -1);

  it('is locked by its server, and the lock dies with it (SIGKILL)', async () => {
    const server = spawnRaw({ DATABASE_URL: undefined, DATA_DIR: dir });
    await until(() => holder() === server.child.pid, 'the server to lock the directory');
    expect(await lockDataDir(path.join(dir, 'pglite')).then(() => 'locked', lockedBy)).toBe(server.child.pid);

    server.child.kill('SIGKILL');
    await server.exited;
    // The kernel dropped it with the process: no stale lock, whatever the file says.
    let lock: DataDirLock | null = null;
    await until(async () => !!(lock = await lockDataDir(path.join(dir, 'pglite')).catch(() => null)), 'the lock to be free');
    await lock!.release();
  }, 40_000);

  it('refuses a second server with one line naming the holder', async () => {
    const lock = await lockDataDir(path.join(dir, 'pglite'));
    try {
      expectOneLine(
        await failedStart({ DATABASE_URL: undefined, DATA_DIR: dir }),
        new RegExp(`^orgraph: cannot start: the embedded database directory .+/locked/pglite is in use by another Orgraph server \\(pid ${process.pid}\\)$`),
      );
    } finally {
      await lock.release();
    }
  }, 30_000);
});
