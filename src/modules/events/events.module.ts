import type { ModuleRegistration } from '../../graphql/module';
import { EventHub, type EventHubDeps } from './event-hub';
import { EventsResolver } from './events.resolver';

/** Live events: the audit log's events, delivered to subscribers as they commit. It owns no table. */
export const eventsModule = {
  entities: [],
  resolvers: [EventsResolver],
  service: (deps: EventHubDeps) => new EventHub(deps),
} satisfies ModuleRegistration<EventHubDeps, EventHub>;

declare module '../../graphql/context' {
  interface Services {
    events: EventHub;
  }
}
