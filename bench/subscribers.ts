/**
 * The benchmark's subscribers, in a child process so that the server's memory is measured
 * without theirs: `count` WebSocket connections, each subscribed to organizationEvents.
 * Messages from the parent: 'next' (answer when the next event has reached every subscriber,
 * with when the first and the last got it) and 'exit'.
 */
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, organizationId, countText] = process.argv.slice(2);
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();
const send = (message: unknown) => process.send?.(message);

const arrivals = new Map<string, number[]>();
let waiting: ((report: { eventId: string; first: number; last: number }) => void) | null = null;
const reported = new Set<string>();

function check(): void {
  for (const [eventId, times] of arrivals) {
    if (times.length === count && !reported.has(eventId) && waiting) {
      reported.add(eventId);
      const resolve = waiting;
      waiting = null;
      resolve({ eventId, first: Math.min(...times), last: Math.max(...times) });
    }
  }
}

const clients: Client[] = [];
/** Connections open this many at a time: a thousand at once would queue a thousand session lookups behind the pool. */
const BATCH = 50;

async function open(): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, () => subscribe());
    await Promise.all(batch);
  }
}

function subscribe(): Promise<void> {
  let connected: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => connected() },
  });
  clients.push(client);
  client.subscribe<{ organizationEvents: { id: string } }>(
    {
      query: `subscription($organizationId: ID!) { organizationEvents(organizationId: $organizationId) { id action createdAt actor { id } targetType targetId } }`,
      variables: { organizationId },
    },
    {
      next: (result) => {
        const id = result.data?.organizationEvents.id;
        if (!id) return send({ error: JSON.stringify(result.errors) });
        const times = arrivals.get(id) ?? [];
        times.push(now());
        arrivals.set(id, times);
        check();
      },
      error: (error) => send({ error: String((error as Error).message ?? JSON.stringify(error)) }),
      complete: () => undefined,
    },
  );
  return ready;
}

process.on('message', (message) => {
  if (message === 'next') {
    waiting = (report) => send({ report });
    check();
  } else if (message === 'exit') {
    void Promise.all(clients.map(async (c) => c.dispose())).then(() => process.exit(0));
  }
});
void open().then(() => send({ opened: count }));
