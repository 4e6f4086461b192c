import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { loadConfig, type Config } from './config/config';
import { createLogger, type Logger } from './config/logger';
import { startServer } from './app/server';
import { describeStartupFailure, stopOnSignals } from './app/lifecycle';

/*
 * V8 lets the old generation grow to up to 4 times what the last full collection kept before it
 * collects again: under load that is ~40 MB live but ~190 MB of heap (a peak RSS of ~260 MB).
 * Growing by half at most keeps the peak near 170 MB; the extra full collections are incremental
 * and concurrent, and cost no measurable throughput (README, Benchmark).
 */
setFlagsFromString('--heap-growing-percent=50');

async function main() {
  let config: Config | null = null;
  let logger: Logger | null = null;
  try {
    config = loadConfig();
    logger = createLogger(config.logLevel);
    const server = await startServer({ config, logger });
    stopOnSignals(server, config, logger);
    logger.info({ database: server.database.kind, metrics: server.metricsUrl }, `Orgraph listening on ${server.url} (public URL ${config.publicUrl})`);
  } catch (error) {
    // A cause an operator can fix is one line on stderr; anything else is logged whole, then named in one line.
    const known = describeStartupFailure(error, config);
    if (!known) logger?.error({ err: error }, 'failed to start');
    console.error(`orgraph: ${known ?? `cannot start: ${error instanceof Error ? error.message : String(error)}`}`);
    process.exit(1);
  }
}

void main();
