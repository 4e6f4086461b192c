import path from 'node:path';
import type PgBoss from 'pg-boss';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { openDatabase, type Database } from '../db/database';
import type { Services } from '../graphql/context';
import { DEFAULT_MAIL_RETRY_POLICY, startMailQueue, type MailRetryPolicy } from '../modules/mail/queue';
import type { WebhookRetryPolicy } from '../modules/webhooks/webhook.service';
import { entities } from './modules';
import { createServices } from './services';

/** The database, its job queue and every service: what the server and the command line share. */
export interface Backend {
  config: Config;
  database: Database;
  queue: PgBoss;
  services: Services;
  close(): Promise<void>;
}

export interface BackendOptions {
  config: Config;
  logger: Logger;
  /** A new, empty database (tests). */
  freshDatabase?: boolean;
  mailRetry?: Partial<MailRetryPolicy>;
  webhookRetry?: WebhookRetryPolicy;
}

/**
 * Opens the configured database (DATABASE_URL, or the embedded PGlite under DATA_DIR),
 * applies pending migrations, starts the job queue and builds the services. Serves no one:
 * the server adds HTTP and the workers, the command line calls the services.
 */
export async function openBackend({ config, logger, freshDatabase = false, mailRetry, webhookRetry }: BackendOptions): Promise<Backend> {
  const database = await openDatabase({ url: config.databaseUrl, fresh: freshDatabase, dataDir: path.join(config.dataDir, 'pglite'), entities, logger });
  let queue: PgBoss | null = null;
  try {
    const applied = await database.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    queue = await startMailQueue(database.dataSource, logger, { ...DEFAULT_MAIL_RETRY_POLICY, ...mailRetry });
    const services = createServices({ dataSource: database.dataSource, config, logger, webhookRetry });
    const started = queue;
    return {
      config,
      database,
      queue: started,
      services,
      async close() {
        await started.stop({ graceful: false, close: false });
        await database.close();
      },
    };
  } catch (error) {
    await queue?.stop({ graceful: false, close: false });
    await database.close();
    throw error;
  }
}
