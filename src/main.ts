import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { startServer } from './app/server';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`orgraph: bad configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer({ config, logger });
  logger.info({ database: server.database.kind, metrics: server.metricsUrl }, `Orgraph listening on ${server.url} (public URL ${config.publicUrl})`);
  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('orgraph: failed to start', error);
  process.exit(1);
});
