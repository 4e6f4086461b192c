import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { freePort } from './support/mail';
import { builtServer, spawnRaw, tempDir } from './support/server-process';

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
}, 20_000);

it('stops with one line when the database does not answer', async () => {
  const port = await freePort();
  expectOneLine(
    await failedStart({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/orgraph` }),
    new RegExp(`^orgraph: cannot start: the database at 127\\.0\\.0\\.1:${port} does not answer \\(ECONNREFUSED\\)$`),
  );
}, 20_000);

it('stops with one line on bad configuration', async () => {
  expectOneLine(
    await failedStart({ SHUTDOWN_TIMEOUT_SECONDS: 'soon' }),
    /^orgraph: bad configuration: SHUTDOWN_TIMEOUT_SECONDS must be an integer from 1 to 3600 \(got "soon"\)$/,
  );
}, 20_000);

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
  const lockFile = path.join(dataDir.dir, 'locked', 'pglite.lock');
  const holder = () => {
    try {
      return Number(readFileSync(lockFile, 'utf8'));
    } catch {
      return null;
    }
  };
  const until = async (check: () => boolean, what: string) => {
    for (let waited = 0; !check(); waited += 50) {
      if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('is held by one server: a second one refuses to start, and a killed holder leaves no lock behind', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: path.join(dataDir.dir, 'locked') };
    const first = spawnRaw(env);
    await until(() => holder() === first.child.pid, 'the first server to lock the directory');

    const second = await failedStart(env);
    expectOneLine(
      second,
      new RegExp(`^orgraph: cannot start: the embedded database directory .+/locked/pglite is in use by another Orgraph server \\(pid ${first.child.pid}\\)$`),
    );
    expect(holder()).toBe(first.child.pid);

    // SIGKILL: nothing of the first server runs any more, and the kernel dropped its lock.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = spawnRaw(env);
    await until(() => holder() === third.child.pid, 'the third server to lock the directory');
    third.child.kill('SIGKILL');
    await third.exited;
  }, 20_000);
});
