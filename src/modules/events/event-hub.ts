import type { DataSource } from 'typeorm';
import { canSeeEvent, isProjectEvent } from '../../authz/policies';
import type { Logger } from '../../config/logger';
import type { Context, RequestFacts, SubscriberConnection } from '../../graphql/context';
import { NotFoundError, UnauthenticatedError } from '../../common/errors';
import { InvalidTokenError } from '../../graphql/errors';
import { AuditEvent } from '../audit/audit-event.entity';
import type { EventNotice } from './event-notices';
import { EventStream } from './event-stream';

interface Subscriber {
  organizationId: string;
  context: Context;
  connection: SubscriberConnection;
  stream: EventStream;
}

export interface EventHubOptions {
  /** Events cleared for a subscriber but not yet taken by its socket; one more drops the connection. */
  bufferSize: number;
}

export const DEFAULT_EVENT_HUB_OPTIONS: EventHubOptions = { bufferSize: 100 };

/** Builds the contexts of one event's subscribers; contexts from one builder share their loaders (their memberships load in one batch). */
export type EventContexts = () => (facts: RequestFacts) => Promise<Context>;

export interface EventHubDeps {
  dataSource: DataSource;
  logger: Logger;
  /** The composition root's context factory, the same as for HTTP requests. */
  eventContexts: EventContexts;
  options?: EventHubOptions;
}

/**
 * This process's live subscribers, by organization. Each committed event (a notice from
 * PostgreSQL or, on PGlite, from this process's commits) is loaded once, then cleared for each
 * subscriber of its organization with that moment's rights: the subscriber's context is built
 * again from its bearer token (so a revoked session or expired token ends it with
 * UNAUTHENTICATED), its membership read again (a removed member's ends with NOT_FOUND), and
 * canSeeEvent, the same policy as everywhere, decides whether the event is theirs to see.
 * Notices of one organization are handled one after another, so each subscriber receives
 * its events in commit order.
 */
export class EventHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly queues = new Map<string, Promise<void>>();

  private readonly dataSource: DataSource;
  private readonly logger: Logger;
  private readonly eventContexts: EventContexts;
  private readonly options: EventHubOptions;

  constructor({ dataSource, logger, eventContexts, options = DEFAULT_EVENT_HUB_OPTIONS }: EventHubDeps) {
    this.dataSource = dataSource;
    this.logger = logger;
    this.eventContexts = eventContexts;
    this.options = options;
  }

  /** A subscription to the organization's events; NOT_FOUND for a non-member, like any organization lookup. */
  async subscribe(context: Context, organizationId: string): Promise<EventStream> {
    await context.access.requireOrganization(organizationId);
    const connection = context.connection;
    if (!connection) throw new Error('subscriptions are served over WebSocket only');
    const subscribers = this.subscribers.get(organizationId) ?? new Set<Subscriber>();
    this.subscribers.set(organizationId, subscribers);
    const subscriber: Subscriber = {
      organizationId,
      context,
      connection,
      stream: new EventStream(
        context,
        this.options.bufferSize,
        () => connection.drop('Too many undelivered events: the client does not keep up.'),
        () => {
          subscribers.delete(subscriber);
          if (subscribers.size === 0 && this.subscribers.get(organizationId) === subscribers) this.subscribers.delete(organizationId);
        },
      ),
    };
    subscribers.add(subscriber);
    return subscriber.stream;
  }

  /** How many subscriptions this process serves (for one organization, when given). */
  subscriberCount(organizationId?: string): number {
    if (organizationId) return this.subscribers.get(organizationId)?.size ?? 0;
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /** Takes a notice in commit order; the organization's notices are handled one at a time. */
  publish(notice: EventNotice): void {
    const { organizationId } = notice;
    if (!this.subscribers.has(organizationId)) return;
    const handled = (this.queues.get(organizationId) ?? Promise.resolve())
      .then(() => this.fanOut(notice))
      .catch((error: unknown) => this.logger.error({ err: error, notice }, 'could not deliver an event to its subscribers'));
    this.queues.set(organizationId, handled);
    void handled.then(() => {
      if (this.queues.get(organizationId) === handled) this.queues.delete(organizationId);
    });
  }

  /** Waits until every notice taken so far has been handled (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  private async fanOut({ organizationId, eventId }: EventNotice): Promise<void> {
    const subscribers = [...(this.subscribers.get(organizationId) ?? [])];
    if (subscribers.length === 0) return;
    // Gone already when its organization was deleted: the subscribers are checked all the same.
    const event = eventId ? await this.dataSource.manager.findOneBy(AuditEvent, { id: eventId }) : null;
    const contextFor = this.eventContexts();
    await Promise.all(subscribers.map((subscriber) => this.clear(subscriber, event, contextFor)));
  }

  private async clear(subscriber: Subscriber, event: AuditEvent | null, contextFor: (facts: RequestFacts) => Promise<Context>): Promise<void> {
    const { stream, organizationId } = subscriber;
    try {
      const context = await contextFor(subscriber.connection.facts).catch((error: unknown) => {
        if (error instanceof InvalidTokenError) return null;
        throw error;
      });
      if (!context?.viewer) return stream.fail(new UnauthenticatedError('Your session ended.'));
      const role = await context.access.organizationRole(organizationId);
      if (!role) return stream.fail(new NotFoundError());
      if (!event) return;
      const projectPermissions = isProjectEvent(event.action) && event.targetId ? await context.access.projectPermissions(event.targetId) : null;
      if (canSeeEvent(role, event.action, projectPermissions, context.access.scope)) stream.push({ event, context });
    } catch (error) {
      this.logger.warn({ err: error, eventId: event?.id }, 'could not clear an event for a subscriber; the subscriber misses it');
    }
  }
}
