import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestServer, type TestServer } from './server';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    }),
  );
}

/** The command line runs compiled, as `npm run cli` runs it: built here when dist is missing or older than the sources. */
function ensureBuilt(): void {
  const built = (() => {
    try {
      return statSync(CLI).mtimeMs;
    } catch {
      return 0;
    }
  })();
  if (built > Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'migrations')))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A server and the command line on one persistent database: a database of its own on
 * DATABASE_URL's server, or an embedded PGlite under a temporary DATA_DIR. PGlite belongs to
 * one process, so on it the server is stopped while the command runs and started again after
 * (`api` is then a new server on the same data).
 */
export interface CliRig {
  api: TestServer;
  cli(...args: string[]): Promise<CliResult>;
  stop(): Promise<void>;
}

export async function startCliRig(env: Record<string, string> = {}): Promise<CliRig> {
  ensureBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orgraph-cli-'));
  const base = process.env.DATABASE_URL;
  let databaseUrl: string | null = null;
  if (base) {
    const name = `orgraph_cli_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const serverEnv = { ...env, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const start = () => startTestServer(serverEnv, { freshDatabase: false });
  const rig: CliRig = {
    api: await start(),
    async cli(...args) {
      if (!databaseUrl) await rig.api.stop();
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...serverEnv, LOG_LEVEL: 'silent', MAIL_DIR: path.join(dataDir, 'mail') };
      if (!databaseUrl) delete childEnv.DATABASE_URL;
      const result = await new Promise<CliResult>((resolve) => {
        execFile(process.execPath, [CLI, ...args], { env: childEnv, cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        });
      });
      if (!databaseUrl) rig.api = await start();
      return result;
    },
    async stop() {
      await rig.api.stop();
      if (base && databaseUrl) {
        const admin = new Client({ connectionString: base });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}
