import { Client } from 'pg';
import type { DataSource, EntitySubscriberInterface, InsertEvent, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { Logger } from '../../config/logger';
import type { Database } from '../../db/database';
import { AuditEvent } from '../audit/audit-event.entity';

/**
 * "Something happened in this organization": an audit event committed (eventId), or the
 * organization deleted (eventId null; its subscribers re-check their access and end).
 */
export interface EventNotice {
  organizationId: string;
  eventId: string | null;
}

export type NoticeHandler = (notice: EventNotice) => void;

/** Where committed events come from: PostgreSQL's LISTEN, or this process's own commits on PGlite. */
export interface NoticeSource {
  stop(): Promise<void>;
}

/** The channel the EventNotifications migration's triggers NOTIFY on, with `<organization id>:<event id>`. */
export const EVENTS_CHANNEL = 'orgraph_events';

export function parseNotice(payload: string | undefined): EventNotice | null {
  const [organizationId, eventId] = (payload ?? '').split(':');
  return organizationId ? { organizationId, eventId: eventId || null } : null;
}

const RECONNECT_DELAY_MS = 1000;

/**
 * LISTENs on a dedicated connection (pooled ones come and go). PostgreSQL sends a transaction's
 * notifications when it commits, in commit order, to every listening process: each replica
 * hears every event. While the connection is lost, events are missed (live updates are a
 * convenience, the audit log is the record); it reconnects every second until stopped.
 */
export async function listenToPostgres(url: string, onNotice: NoticeHandler, logger: Logger): Promise<NoticeSource> {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const candidate = new Client({ connectionString: url });
    candidate.on('notification', (message) => {
      const notice = message.channel === EVENTS_CHANNEL ? parseNotice(message.payload) : null;
      if (notice) onNotice(notice);
    });
    candidate.on('error', (error) => {
      logger.warn({ err: error }, 'event listener connection lost; reconnecting');
      void candidate.end().catch(() => undefined);
      if (client === candidate) reconnect();
    });
    client = candidate;
    await candidate.connect();
    await candidate.query(`LISTEN ${EVENTS_CHANNEL}`);
  };

  const reconnect = (): void => {
    client = null;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((error: unknown) => {
        logger.warn({ err: error }, 'event listener could not reconnect');
        reconnect();
      });
    }, RECONNECT_DELAY_MS);
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

const PENDING = 'pendingEventNotices';

/**
 * On the embedded PGlite one process owns the database: the events a transaction inserted are
 * published when it commits (and forgotten if it rolls back). Its single connection runs one
 * transaction at a time, so commits, and these notices, come in commit order.
 */
class CommitPublisher implements EntitySubscriberInterface<AuditEvent> {
  constructor(private readonly onNotice: NoticeHandler) {}

  listenTo() {
    return AuditEvent;
  }

  afterInsert({ entity, queryRunner }: InsertEvent<AuditEvent>): void {
    const pending = ((queryRunner.data as Record<string, EventNotice[]>)[PENDING] ??= []);
    pending.push({ organizationId: entity.organizationId, eventId: entity.id });
    // An insert outside a transaction commits at once, and TypeORM then broadcasts no commit.
    if (!queryRunner.isTransactionActive) this.afterTransactionCommit({ queryRunner } as TransactionCommitEvent);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const data = queryRunner.data as Record<string, EventNotice[] | undefined>;
    const pending = data[PENDING] ?? [];
    delete data[PENDING];
    for (const notice of pending) this.onNotice(notice);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    delete (queryRunner.data as Record<string, unknown>)[PENDING];
  }
}

export function publishOnCommit(dataSource: DataSource, onNotice: NoticeHandler): NoticeSource {
  const publisher = new CommitPublisher(onNotice);
  dataSource.subscribers.push(publisher);
  return {
    async stop() {
      const index = dataSource.subscribers.indexOf(publisher);
      if (index >= 0) dataSource.subscribers.splice(index, 1);
    },
  };
}

/** Feeds `onNotice` from the database's notices: LISTEN on PostgreSQL, this process's commits on PGlite. */
export function startNoticeSource(database: Database, onNotice: NoticeHandler, logger: Logger): Promise<NoticeSource> {
  const { dataSource } = database;
  if (database.kind === 'embedded') return Promise.resolve(publishOnCommit(dataSource, onNotice));
  return listenToPostgres(String((dataSource.options as { url: string }).url), onNotice, logger);
}
