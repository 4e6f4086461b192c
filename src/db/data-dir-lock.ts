import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Another running server holds the embedded data directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number | null,
  ) {
    super(`the embedded database directory ${dir} is in use by another Orgraph server${holderPid ? ` (pid ${holderPid})` : ''}`);
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

const holderOf = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * An exclusive lock on `dir` for as long as this process lives: PGlite's files must never be
 * opened by two processes. The lock is the kernel's flock(2) on `<dir>.lock` (beside it), taken
 * and held by a `flock` (util-linux) child whose stdin is a pipe from this process; the child
 * ends when the pipe closes, that is when this process ends, however it ends (SIGKILL and
 * crashes included), and the kernel then drops the lock: no stale lock is ever left behind,
 * and a recycled pid cannot fool it. The file holds the holder's pid, for the message only.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = `${dir}.lock`;
  const child = spawn('flock', ['--nonblock', file, '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const locked = await new Promise<boolean>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`cannot lock the data directory ${dir}: the flock command (util-linux) is not installed`) : error),
    );
    child.stdout.once('data', () => resolve(true));
    void exited.then(() => resolve(false));
  });
  if (!locked) {
    const code = await exited;
    // flock --nonblock exits 1, saying nothing, when another process holds the lock.
    if (code === 1 && stderr.trim() === '') throw new DataDirInUseError(dir, holderOf(file));
    throw new Error(`cannot lock the data directory ${dir}: ${stderr.trim() || `flock exited with ${code}`}`);
  }
  writeFileSync(file, `${process.pid}\n`);
  // The child must not keep this process alive on its own; its pipes are what ties the two together.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  return {
    async release() {
      child.stdin.end();
      await exited;
    },
  };
}
