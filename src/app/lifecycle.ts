import { ConfigError, type Config } from '../config/config';
import type { Logger } from '../config/logger';
import { isDatabaseUnavailable } from '../db/availability';
import { DataDirInUseError } from '../db/data-dir-lock';
import type { RunningServer } from './server';

/**
 * The process's lifecycle (CONTRACT.md, Lifecycle): why a start failed, in one line, and the
 * drain on SIGTERM/SIGINT. main.ts wires both.
 */

/** Time kept, out of SHUTDOWN_TIMEOUT_SECONDS, to stop the workers and close the database once connections are done. */
const cleanupReserveMs = (timeoutMs: number) => Math.min(2000, timeoutMs * 0.3);

/**
 * On the first SIGTERM or SIGINT: drain (server.stop), then exit 0. Connections still open
 * when only the cleanup reserve is left are cut; if the cleanup itself hangs, the process
 * exits 1 at SHUTDOWN_TIMEOUT_SECONDS. A repeated signal changes nothing (Ctrl-C under npm
 * delivers SIGINT twice: once from the terminal, once forwarded).
 */
export function stopOnSignals(server: RunningServer, config: Config, logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info(`${signal}: already shutting down`);
      return;
    }
    stopping = true;
    const started = Date.now();
    const timeoutMs = config.shutdownTimeoutSeconds * 1000;
    logger.info(`${signal}: shutting down (requests under way may take up to ${config.shutdownTimeoutSeconds} s)`);
    setTimeout(() => {
      logger.error(`shutdown did not finish within SHUTDOWN_TIMEOUT_SECONDS (${config.shutdownTimeoutSeconds} s): exiting`);
      exit(1);
    }, timeoutMs).unref();
    server.stop({ connectionDeadline: started + timeoutMs - cleanupReserveMs(timeoutMs) }).then(
      ({ cut }) => {
        if (cut > 0) logger.warn({ cut }, `${cut} connection(s) still open at the shutdown deadline were closed`);
        logger.info({ ms: Date.now() - started }, 'stopped');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

type Failure = Error & { code?: string; port?: number; address?: string; syscall?: string };

const databaseTarget = (url: URL | null) => (url ? `the database at ${url.hostname}:${url.port || 5432}` : 'the embedded database');

/** One line naming why the server could not start, or null for a failure nobody foresaw. */
export function describeStartupFailure(error: unknown, config: Config | null): string | null {
  if (error instanceof ConfigError) return `bad configuration: ${error.message}`;
  if (error instanceof DataDirInUseError) return `cannot start: ${error.message}`;
  if (!(error instanceof Error) || !config) return null;
  const { code, port, address, syscall } = error as Failure;
  if (syscall === 'listen') {
    const which = port === config.metricsPort && port !== config.port ? 'METRICS_PORT' : 'port';
    if (code === 'EADDRINUSE') return `cannot start: ${which} ${port} is in use on ${address ?? config.host}`;
    if (code === 'EACCES') return `cannot start: no permission to listen on ${which} ${port}`;
    if (code === 'EADDRNOTAVAIL') return `cannot start: HOST ${address ?? config.host} is not an address of this machine`;
  }
  const driver: Failure = (error as { driverError?: Failure }).driverError ?? error;
  const url = config.databaseUrl ? new URL(config.databaseUrl) : null;
  if (driver.code === '3D000') return `cannot start: ${databaseTarget(url)} has no database "${decodeURIComponent(url?.pathname.slice(1) ?? '')}"`;
  if (driver.code === '28P01' || driver.code === '28000') {
    return `cannot start: ${databaseTarget(url)} refused user "${decodeURIComponent(url?.username || 'postgres')}" (check DATABASE_URL)`;
  }
  if (driver.code === 'ENOTFOUND' || driver.code === 'EAI_AGAIN') return `cannot start: the database host "${url?.hostname}" does not resolve (DATABASE_URL)`;
  if (isDatabaseUnavailable(error)) return `cannot start: ${databaseTarget(url)} does not answer (${driver.code ?? driver.message})`;
  return null;
}
