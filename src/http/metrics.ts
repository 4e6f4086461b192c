import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ReadReplicas } from '../db/read-replicas';
import { statementsSentSoFar } from '../db/statement-counter';
import type { Context } from '../graphql/context';

/** Operation names come from clients: past this many distinct ones, the rest count as "(other)". */
const MAX_OPERATION_LABELS = 200;

export interface MetricsSources {
  dataSource: DataSource;
  /** How many mail jobs wait to be sent (the composition root asks the mail module). */
  mailQueueDepth: () => Promise<number>;
  /** The read replicas (DATABASE_READ_URLS), if any. */
  replicas?: ReadReplicas | null;
}

/**
 * Prometheus metrics of one server process, in their own registry (several servers may share
 * a process, as in tests): GraphQL requests by operation and outcome and their duration, SQL
 * statements, pool connections in use and waiting, the mail queue's depth, and prom-client's
 * default process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'orgraph_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (success, or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'orgraph_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor({ dataSource, mailQueueDepth, replicas }: MetricsSources) {
    collectDefaultMetrics({ register: this.registry });
    if (replicas) this.replicaMetrics(replicas);
    new Counter({
      name: 'orgraph_sql_statements_total',
      help: 'SQL statements sent by this process (requests and background work).',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(statementsSentSoFar());
      },
    });
    const pool = () => (dataSource.driver as PostgresDriver).master as Pool | undefined;
    new Gauge({
      name: 'orgraph_db_pool_connections',
      help: 'Database pool connections by state: in_use, idle, and waiting (requests queued for a connection).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const current = pool();
        if (!current) return;
        this.set({ state: 'in_use' }, current.totalCount - current.idleCount);
        this.set({ state: 'idle' }, current.idleCount);
        this.set({ state: 'waiting' }, current.waitingCount);
      },
    });
    new Gauge({
      name: 'orgraph_mail_queue_depth',
      help: 'Mail jobs waiting to be sent (created or due for a retry).',
      registers: [this.registry],
      async collect() {
        // A database that does not answer leaves the last value; the scrape itself still works.
        await mailQueueDepth().then(
          (size) => this.set(size),
          () => undefined,
        );
      },
    });
  }

  /** Where query operations read, what each replica served, and how far behind each is. */
  private replicaMetrics(replicas: ReadReplicas): void {
    new Counter({
      name: 'orgraph_db_read_routes_total',
      help: 'GraphQL query operations by the target their lists and pages were read from: primary, or replica1, replica2...',
      labelNames: ['target'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [target, count] of replicas.routed) this.inc({ target }, count);
      },
    });
    new Counter({
      name: 'orgraph_db_replica_statements_total',
      help: 'SQL statements each read replica served.',
      labelNames: ['replica'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { name, statements } of replicas.statements()) this.inc({ replica: name }, statements);
      },
    });
    new Gauge({
      name: 'orgraph_db_replica_lag_seconds',
      help: 'How long ago the primary was at a WAL position each replica has not replayed yet, at the last poll (0: caught up).',
      labelNames: ['replica'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { name, lagSeconds } of replicas.status()) if (lagSeconds !== null) this.set({ replica: name }, lagSeconds);
      },
    });
    new Gauge({
      name: 'orgraph_db_replica_up',
      help: 'Whether each read replica serves reads (1), or is skipped as down or lagging (0).',
      labelNames: ['replica'] as const,
      registers: [this.registry],
      collect() {
        for (const { name, state } of replicas.status()) this.set({ replica: name }, state === 'up' ? 1 : 0);
      },
    });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return '(other)';
    this.operations.add(name);
    return name;
  }

  /** The Apollo plugin that counts and times every GraphQL request. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ request, operationName, response }) => {
            const operation = this.operationLabel(operationName ?? request.operationName);
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            const code = errors?.[0]?.extensions?.code;
            const outcome = !errors?.length ? 'success' : typeof code === 'string' ? code : 'error';
            this.requests.inc({ operation, outcome });
            this.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }
}

/** Serves GET /metrics on its own listener, apart from the public API; anything else is 404. */
export async function startMetricsServer(metrics: Metrics, host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
