import http from 'node:http';
import net from 'node:net';
import { print } from 'graphql';
import { RegisterDocument } from './generated/graphql';
import { builtServer, killSpawned, scratchDatabase, spawnServer } from './support/server-process';

/**
 * CONTRACT.md, Lifecycle: on SIGTERM requests already received complete, kept-alive
 * connections close, and the process exits 0 within SHUTDOWN_TIMEOUT_SECONDS.
 */

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
  at: number;
}

function post(agent: http.Agent, url: string, payload: unknown): Promise<Reply> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text), at: Date.now() }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

// Each spawned server on the embedded PGlite spends most of its start in migrations: these run on PostgreSQL only.
const onRealPostgres = process.env.DATABASE_URL ? it : it.skip;
if (!process.env.DATABASE_URL)
  console.warn('shutdown: skipped without DATABASE_URL; a spawned server on the embedded PGlite starts too slowly for these timings');

const REGISTER = print(RegisterDocument);
const registration = (i: number) => ({
  query: REGISTER,
  variables: { input: { email: `drain-${i}-${Date.now()}@example.com`, name: `Drain ${i}`, password: 'correct horse battery' } },
});

let database: Awaited<ReturnType<typeof scratchDatabase>>;

beforeAll(async () => {
  await builtServer();
  database = await scratchDatabase();
}, 120_000);

afterAll(async () => {
  await killSpawned();
  await database?.drop();
});

onRealPostgres(
  'lets 20 requests under way on kept-alive connections complete, then exits 0',
  async () => {
    // Production mode: there Apollo's own signal handler, on by default outside NODE_ENV=test, used to cut the drain short.
    const server = await spawnServer({ NODE_ENV: 'production', DATABASE_URL: database?.url, SHUTDOWN_TIMEOUT_SECONDS: '10' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    // 20 connections, opened and kept alive.
    await Promise.all(Array.from({ length: 20 }, () => post(agent, server.url, { query: '{ __typename }' })));
    const open = () => Object.values(agent.freeSockets).flat().length;
    expect(open()).toBe(20);

    // Each registration hashes a password (argon2id): 20 of them keep the server busy for a while.
    const replies = Array.from({ length: 20 }, (_, i) => post(agent, server.url, registration(i)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const settled = await Promise.allSettled(replies);
    const exit = await server.exited;

    const completed = settled.filter(
      (r): r is PromiseFulfilledResult<Reply> => r.status === 'fulfilled' && r.value.status === 200 && !!r.value.body.data?.register,
    );
    expect({
      completed: completed.length,
      failures: settled.filter((r) => r.status === 'rejected').map((r) => String(r.reason)),
    }).toEqual({
      completed: 20,
      failures: [],
    });
    // They were under way when the signal came, and each answer told its client the connection closes.
    expect(completed.filter((r) => r.value.at > signalled).length).toBeGreaterThan(10);
    expect(completed.every((r) => r.value.headers.connection === 'close')).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain('SIGTERM: shutting down');
    // The listener is gone: a new connection is refused.
    await expect(post(new http.Agent(), server.url, { query: '{ __typename }' })).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  },
  40_000,
);

onRealPostgres(
  'cuts what is still open at SHUTDOWN_TIMEOUT_SECONDS and exits 0 in time',
  async () => {
    const server = await spawnServer({ DATABASE_URL: database?.url, SHUTDOWN_TIMEOUT_SECONDS: '3' });
    // A request whose body never comes: the server waits for it until the deadline.
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const took = Date.now() - signalled;
    await closed;
    expect(exit).toEqual({ code: 0, signal: null });
    // Cut at 70 % of the deadline (2.1 s), the rest kept for closing the workers and the database.
    expect(took).toBeGreaterThan(1900);
    expect(took).toBeLessThan(3500);
    expect(server.stdout()).toContain('1 connection(s) still open at the shutdown deadline were closed');
  },
  40_000,
);
