import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFreshDatabase } from '../../src/db/database';

/**
 * The built server (`npm run build`, as CI does before testing) run as a child process, as an
 * operator runs it: for what only a whole process shows (signals, exit codes, stderr, locks).
 */

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** dist/src/main.js, compiled first when it is missing or older than a source file (one test file at a time compiles). */
export async function builtServer(): Promise<string> {
  const stale = () => !existsSync(MAIN) || Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'migrations'))) > statSync(MAIN).mtimeMs;
  if (!stale()) return MAIN;
  const lock = path.join(tmpdir(), `orgraph-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);
  for (let waited = 0; ; waited += 200) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (stale())
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  } finally {
    rmSync(lock, { force: true });
  }
  return MAIN;
}

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/graphql once it listens. */
  url: string;
  port: number;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Spawns `node dist/src/main.js` on 127.0.0.1 and a free port, logging at info (its "listening" line is awaited), budgets off,
 * mail to a temporary directory; `env` adds to or overrides that (DATABASE_URL unset: the
 * embedded database, in DATA_DIR). Resolves once it listens; rejects with its output if it exits first.
 */
export async function spawnServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const started = spawnRaw(env);
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = started.stdout().match(/listening on (http:\/\/\S+\/graphql)/);
      if (match) resolve(match[1]);
    };
    started.child.stdout!.on('data', look);
    void started.exited.then(({ code, signal }) =>
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${started.stderr()}${started.stdout()}`)),
    );
    // A start that hangs must not outlive the test.
    setTimeout(() => started.child.kill('SIGKILL'), 60_000).unref();
  });
  return { ...started, url, port: Number(new URL(url).port) };
}

const spawned = new Set<ChildProcess>();

/** Kills every server this file spawned that still runs (for afterAll: a failed test must not leave one behind). */
export async function killSpawned(): Promise<void> {
  await Promise.all(
    [...spawned].map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Spawns the server without waiting for it (a start that must fail). */
export function spawnRaw(env: Record<string, string | undefined>): Omit<ServerProcess, 'url' | 'port'> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      RATE_LIMITS: 'off',
      INVITES_REQUIRE_VERIFIED_EMAIL: 'false',
      MAIL_DIR: path.join(tmpdir(), `orgraph-mail-${randomBytes(4).toString('hex')}`),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  spawned.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      spawned.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** A new database on DATABASE_URL's server for a spawned server, dropped by `drop`; null without DATABASE_URL (the embedded database). */
export const scratchDatabase = async () => (process.env.DATABASE_URL ? createFreshDatabase(process.env.DATABASE_URL) : null);
