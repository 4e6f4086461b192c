import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './server';

export interface LiveEvent {
  id: string;
  action: string;
  createdAt: string;
  actor: { id: string } | null;
  targetType: string | null;
  targetId: string | null;
}

export interface ErrorShape {
  message: string;
  extensions?: { code?: string };
}

/** One subscription to organizationEvents over a real WebSocket, as a client would hold it. */
export interface LiveSubscription {
  events: LiveEvent[];
  errors: ErrorShape[];
  completed: boolean;
  /** Waits until `predicate` holds (polls every 20 ms; fails after 10 s). */
  until(predicate: (subscription: LiveSubscription) => boolean, what: string): Promise<void>;
  close(): Promise<void>;
}

// The client document of operations/events.graphql.
export const ORGANIZATION_EVENTS = `subscription OrganizationEvents($organizationId: ID!) {
  organizationEvents(organizationId: $organizationId) { id action createdAt actor { id } targetType targetId }
}`;

export const wsUrl = (api: TestServer) => api.url.replace(/^http/, 'ws');

export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Subscribes with `token` and resolves once the server has registered the subscription (or
 * refused it), so events committed afterwards are sure to reach it.
 */
export async function subscribeToEvents(api: TestServer, token: string, organizationId: string): Promise<LiveSubscription> {
  const client: Client = createClient({
    url: wsUrl(api),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
  const hub = api.server.services.events;
  const before = hub.subscriberCount(organizationId);
  const subscription: LiveSubscription = {
    events: [],
    errors: [],
    completed: false,
    until: (predicate, what) => until(() => predicate(subscription), what),
    async close() {
      await client.dispose();
    },
  };
  client.subscribe<{ organizationEvents: LiveEvent }>(
    { query: ORGANIZATION_EVENTS, variables: { organizationId } },
    {
      next: (result) => {
        if (result.data?.organizationEvents) subscription.events.push(result.data.organizationEvents);
        if (result.errors) subscription.errors.push(...(result.errors as ErrorShape[]));
      },
      error: (error) => {
        subscription.errors.push(...(Array.isArray(error) ? (error as ErrorShape[]) : [{ message: String((error as Error).message ?? error) }]));
        subscription.completed = true;
      },
      complete: () => {
        subscription.completed = true;
      },
    },
  );
  await until(() => hub.subscriberCount(organizationId) > before || subscription.completed, 'the subscription to start');
  return subscription;
}

/** Opens a raw graphql-transport-ws socket, sends connection_init with `payload`, and resolves with the close code. */
export function closeCodeOfInit(api: TestServer, payload: Record<string, unknown> | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(api), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', ...(payload ? { payload } : {}) })));
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}
