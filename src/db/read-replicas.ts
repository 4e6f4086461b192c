import { Pool } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '../config/logger';
import { isDatabaseUnavailable } from './availability';
import { formatLsn, parseLsn, type Lsn } from './lsn';

/** up: serves reads; lagging: more than READ_REPLICA_MAX_LAG_SECONDS behind; down: does not answer, or is no standby. */
export type ReplicaState = 'up' | 'lagging' | 'down';

/** What /readyz and the metrics say of each replica (named replica1, replica2…: its URL may carry a password). */
export interface ReplicaStatus {
  name: string;
  state: ReplicaState;
  /** How long ago the primary was at a WAL position the replica has not replayed yet (0: caught up at the last poll). */
  lagSeconds: number | null;
  /** pg_last_wal_replay_lsn() at the last poll. */
  replayLsn: string | null;
  /** Why it is down or lagging. */
  reason: string | null;
}

/** A replica chosen for one request's reads. */
export interface ReadTarget {
  name: string;
  dataSource: DataSource;
}

export interface ReadReplicaOptions {
  primary: DataSource;
  urls: string[];
  maxLagSeconds: number;
  /** How often each replica's replay position (and the primary's WAL position) is read. */
  pollIntervalMs: number;
  /** A replica's DataSource (not yet initialized), counting each statement it sends with `onStatement`. */
  dataSourceFor: (url: string, onStatement: () => void) => DataSource;
  logger: Logger;
}

/**
 * The replica cannot serve this read, so the primary does: it does not answer (the same
 * classifier as the primary's outages), or a recovery conflict cancelled the query (40001).
 */
function isReplicaFailure(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) ||
    (error as { code?: unknown } | null)?.code === '40001' ||
    (error as { driverError?: { code?: unknown } } | null)?.driverError?.code === '40001'
  );
}

class Replica {
  state: ReplicaState = 'down';
  lagSeconds: number | null = null;
  replayLsn: Lsn | null = null;
  reason: string | null = 'not polled yet';
  dataSource: DataSource | null = null;
  /** Statements this replica served (metrics). */
  statements = 0;
  /** Its own connection for the health poll: it answers even when the pool is busy. */
  readonly health: Pool;

  constructor(
    readonly name: string,
    readonly url: string,
  ) {
    this.health = healthPool(url);
  }
}

function healthPool(url: string): Pool {
  const pool = new Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: 2000,
    statement_timeout: 2000,
    query_timeout: 2500,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The streaming read replicas of the primary (DATABASE_READ_URLS). A poller reads every
 * replica's replay position (`pg_last_wal_replay_lsn()`) and the primary's WAL position
 * (`pg_current_wal_lsn()`) each `pollIntervalMs`: a replica that does not answer, is no standby
 * or lags more than `maxLagSeconds` is skipped, and rejoins at the first poll that finds it well.
 * `choose(position)` names a replica that had replayed `position` at its last poll (positions
 * only grow, so it still has), or null: the primary then serves. A replica that fails under a
 * read (gone, or a recovery conflict) hands that read to the primary and is skipped until polled well.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private readonly primaryHealth: Pool;
  /** The primary's WAL position at each poll (for lag), oldest first. */
  private samples: Array<{ at: number; lsn: Lsn }> = [];
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private next = 0;
  /** Query operations by where their reads went (metrics): `${target}` → count. */
  readonly routed = new Map<string, number>();

  constructor(private readonly options: ReadReplicaOptions) {
    this.replicas = options.urls.map((url, index) => new Replica(`replica${index + 1}`, url));
    this.primaryHealth = healthPool(String((options.primary.options as { url?: string }).url));
  }

  /** Polls once (so the first requests may use the replicas), then every pollIntervalMs. */
  async start(): Promise<void> {
    // Read positions are taken after COMMIT returns: with synchronous_commit off the commit may not be written yet.
    const { rows } = await this.primaryHealth.query<{ mode: string }>(`SELECT current_setting('synchronous_commit') AS mode`).catch(() => ({ rows: [] }));
    if (rows[0]?.mode === 'off')
      this.options.logger.warn('synchronous_commit is off on the primary: a session may read from a replica before its own last write');
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
    await Promise.all(
      this.replicas.map(async (replica) => {
        await replica.dataSource?.destroy().catch(() => undefined);
        await replica.health.end().catch(() => undefined);
      }),
    );
    await this.primaryHealth.end().catch(() => undefined);
  }

  /** A replica that is up and had replayed `position` at its last poll (round robin among them), or null. */
  choose(position: Lsn): ReadTarget | null {
    const ready = this.replicas.filter((r) => r.state === 'up' && r.dataSource && r.replayLsn !== null && r.replayLsn >= position);
    if (ready.length === 0) return null;
    const replica = ready[this.next++ % ready.length];
    return { name: replica.name, dataSource: replica.dataSource! };
  }

  /** Whether any replica is up at all (else a request need not look up its session's position). */
  anyUp(): boolean {
    return this.replicas.some((r) => r.state === 'up');
  }

  countRoute(target: string): void {
    this.routed.set(target, (this.routed.get(target) ?? 0) + 1);
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((r) => ({
      name: r.name,
      state: r.state,
      lagSeconds: r.lagSeconds,
      replayLsn: r.replayLsn === null ? null : formatLsn(r.replayLsn),
      reason: r.reason,
    }));
  }

  /** Statements each replica has served, by name. */
  statements(): Array<{ name: string; statements: number }> {
    return this.replicas.map((r) => ({ name: r.name, statements: r.statements }));
  }

  private poll(): Promise<void> {
    this.polling ??= this.pollAll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async pollAll(): Promise<void> {
    // The primary first: a replica at or past this position was caught up when it was read.
    try {
      const { rows } = await this.primaryHealth.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      const now = Date.now();
      this.samples.push({ at: now, lsn: parseLsn(rows[0].lsn) });
      const keepFrom = now - Math.max(60, 2 * this.options.maxLagSeconds) * 1000;
      this.samples = this.samples.filter((s, i) => s.at >= keepFrom || i === this.samples.length - 1);
    } catch {
      // The primary's own outage is reported elsewhere; the replicas keep their last lag.
    }
    await Promise.all(this.replicas.map((replica) => this.pollReplica(replica)));
  }

  private async pollReplica(replica: Replica): Promise<void> {
    try {
      const { rows } = await replica.health.query<{ standby: boolean; lsn: string | null }>(
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn',
      );
      if (!rows[0].standby || rows[0].lsn === null) throw new Error('not a standby');
      replica.dataSource ??= await this.open(replica);
      const replayed = parseLsn(rows[0].lsn);
      replica.replayLsn = replayed;
      replica.lagSeconds = this.lagOf(replayed);
      const lagging = replica.lagSeconds > this.options.maxLagSeconds;
      this.setState(replica, lagging ? 'lagging' : 'up', lagging ? `${replica.lagSeconds.toFixed(1)} s behind the primary` : null);
    } catch (error) {
      this.setState(replica, 'down', (error as Error).message || String(error));
    }
  }

  /** Seconds since the primary was at a position this replica has not replayed; 0 when it had replayed the last one read. */
  private lagOf(replayed: Lsn): number {
    const ahead = this.samples.find((s) => s.lsn > replayed);
    return ahead ? (Date.now() - ahead.at) / 1000 : 0;
  }

  private setState(replica: Replica, state: ReplicaState, reason: string | null): void {
    if (replica.state !== state) {
      this.options.logger.info({ replica: replica.name, from: replica.state, to: state, reason }, 'read replica state');
    }
    replica.state = state;
    replica.reason = reason;
  }

  private async open(replica: Replica): Promise<DataSource> {
    const dataSource = this.options.dataSourceFor(replica.url, () => {
      replica.statements += 1;
    });
    await dataSource.initialize();
    this.fallBackToPrimary(replica, dataSource);
    return dataSource;
  }

  /** Every query runner of the replica hands a read it cannot serve to the primary, and marks the replica down until the next good poll. */
  private fallBackToPrimary(replica: Replica, dataSource: DataSource): void {
    const driver = dataSource.driver;
    const create = driver.createQueryRunner.bind(driver);
    driver.createQueryRunner = (mode) => {
      const runner = create(mode);
      const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
      const onPrimary = async (sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown> => {
        try {
          return await query(sql, parameters, structured);
        } catch (error) {
          if (!isReplicaFailure(error)) throw error;
          this.setState(replica, 'down', `a read failed: ${(error as Error).message}`);
          const primary = this.options.primary.createQueryRunner();
          try {
            return structured ? await primary.query(sql, parameters, true) : await primary.query(sql, parameters);
          } finally {
            await primary.release();
          }
        }
      };
      runner.query = onPrimary as QueryRunner['query'];
      return runner;
    };
  }
}
