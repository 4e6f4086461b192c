import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type PgBoss from 'pg-boss';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { createDataSource } from '../db/data-source';
import type { Database } from '../db/database';
import { ReadPositions } from '../db/read-positions';
import { ReadReplicas } from '../db/read-replicas';
import { openBackend } from './backend';
import { createSchema } from './schema';
import type { WebhookRetryPolicy } from '../modules/webhooks/webhook.service';
import { DEFAULT_WEBHOOK_WORKER_OPTIONS, startWebhookWorker, type WebhookWorkerOptions } from '../modules/webhooks/webhook.worker';
import type { RequestFacts, Services } from '../graphql/context';
import { createApp } from '../http/app';
import { checkCanListen, listen } from '../http/listen';
import { Metrics, startMetricsServer } from '../http/metrics';
import { startRemovalPruning } from '../modules/reinstatement/reinstatement.worker';
import { startNoticeSource, type NoticeSource } from '../modules/events/event-notices';
import { createMailTransport } from '../modules/mail/transport';
import { MAIL_QUEUE, type MailRetryPolicy } from '../modules/mail/queue';
import { DEFAULT_MAIL_WORKER_OPTIONS, MailWorker, type MailWorkerOptions } from '../modules/mail/worker';
import { createContext, mutationsReadMembershipsAnew } from './context';
import { entities } from './modules';
import { readRouting } from './read-routing';

export interface RunningServer {
  url: string;
  /** The Prometheus endpoint when METRICS_PORT is set. */
  metricsUrl: string | null;
  database: Database;
  /** The job queue (pg-boss) the process works. */
  queue: PgBoss;
  services: Services;
  /**
   * Drains and stops (CONTRACT.md, Lifecycle): HTTP first (requests under way complete until
   * `connectionDeadline`, epoch ms, default now + SHUTDOWN_TIMEOUT_SECONDS; what is left then
   * is cut), then Apollo, metrics, the event listener, the workers, and the database.
   */
  stop(options?: { connectionDeadline?: number }): Promise<StopOutcome>;
}

export interface StopOutcome {
  /** Connections still open at the deadline, destroyed. */
  cut: number;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** A new, empty database for this server (tests). */
  freshDatabase?: boolean;
  /** The mail worker's polling and the queue's retries (tests poll fast and back off briefly). */
  mailWorker?: Partial<MailWorkerOptions>;
  mailRetry?: Partial<MailRetryPolicy>;
  /** Webhook retries and the webhook worker's polling (tests retry at once and poll often). */
  webhookRetry?: WebhookRetryPolicy;
  webhookWorker?: Partial<WebhookWorkerOptions>;
  /** How often read replicas are polled (default 1000 ms; tests poll faster). */
  replicaPollIntervalMs?: number;
}

/** The read replicas of DATABASE_READ_URLS, polled from the start; null without any. */
async function startReadReplicas(config: Config, database: Database, logger: Logger, pollIntervalMs = 1000): Promise<ReadReplicas | null> {
  if (config.databaseReadUrls.length === 0 || database.kind !== 'postgres') return null;
  const replicas = new ReadReplicas({
    primary: database.dataSource,
    urls: config.databaseReadUrls,
    maxLagSeconds: config.readReplicaMaxLagSeconds,
    pollIntervalMs,
    dataSourceFor: (url, onStatement) => createDataSource({ url, poolSize: 10, logger, entities, onStatement }),
    logger,
  });
  await replicas.start();
  return replicas;
}

/** Opens the database, applies pending migrations, and listens on HOST:PORT. */
export async function startServer({
  config,
  logger,
  freshDatabase = false,
  mailWorker: mailWorkerOptions,
  mailRetry,
  webhookRetry,
  webhookWorker: webhookWorkerOptions,
  replicaPollIntervalMs,
}: StartOptions): Promise<RunningServer> {
  await checkCanListen(config.host, config.port);
  if (config.metricsPort !== null) await checkCanListen(config.host, config.metricsPort);
  const backend = await openBackend({ config, logger, freshDatabase, mailRetry, webhookRetry });
  const { database, queue, services } = backend;
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
  let notices: NoticeSource | null = null;
  let pruning: { stop(): Promise<void> } | null = null;
  let replicas: ReadReplicas | null = null;
  try {
    // Every process attempts due webhook deliveries (pg-boss hands each job to one of them).
    const webhookWorker = await startWebhookWorker(queue, services.webhooks, logger, { ...DEFAULT_WEBHOOK_WORKER_OPTIONS, ...webhookWorkerOptions });
    // Every process works the daily pruning; pg-boss's schedule makes one job per day.
    pruning = await startRemovalPruning(queue, services.reinstatement, logger);
    notices = await startNoticeSource(database, (notice) => services.events.publish(notice), logger);
    const { schema } = await createSchema();
    replicas = await startReadReplicas(config, database, logger, replicaPollIntervalMs);
    const metrics =
      config.metricsPort === null ? null : new Metrics({ dataSource: database.dataSource, mailQueueDepth: () => queue.getQueueSize(MAIL_QUEUE), replicas });
    const context = (facts: RequestFacts) => createContext(database.dataSource, services, facts);
    const plugins = [
      mutationsReadMembershipsAnew,
      ...(replicas ? [readRouting({ primary: database.dataSource, replicas, positions: new ReadPositions(database.dataSource), logger })] : []),
    ];
    const { apollo, httpServer, drain } = await createApp({ config, logger, dataSource: database.dataSource, schema, context, metrics, plugins, replicas });
    metricsServer = metrics && (await startMetricsServer(metrics, config.host, config.metricsPort!));
    const server: Server = httpServer;
    await listen(server, config.host, config.port);
    const mailWorker = config.mailWorker
      ? new MailWorker(
          queue,
          { invitationMail: (job) => services.invitations.invitationMail(job), accountLinkMail: (job) => services.accounts.accountLinkMail(job) },
          createMailTransport(config, logger),
          logger,
          {
            ...DEFAULT_MAIL_WORKER_OPTIONS,
            ...mailWorkerOptions,
          },
        )
      : null;
    mailWorker?.start();
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    return {
      url: `http://${host}:${port}/graphql`,
      metricsUrl: metricsServer?.url ?? null,
      database,
      queue,
      services,
      async stop({ connectionDeadline = Date.now() + config.shutdownTimeoutSeconds * 1000 } = {}) {
        const { cut } = await drain(connectionDeadline);
        await apollo.stop();
        await metricsServer?.close();
        await notices?.stop();
        await webhookWorker.stop();
        await pruning?.stop();
        await mailWorker?.stop();
        await replicas?.stop();
        await backend.close();
        return { cut };
      },
    };
  } catch (error) {
    await metricsServer?.close();
    await notices?.stop();
    await pruning?.stop();
    await replicas?.stop();
    await backend.close();
    throw error;
  }
}
