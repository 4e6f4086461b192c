import { print } from 'graphql';
import { Client } from 'pg';
import { CreateOrganizationDocument, InvitationPreviewDocument, RegisterDocument } from './generated/graphql';
import { createFreshDatabase } from '../src/db/database';
import { builtServer, killSpawned, spawnServer, type ServerProcess } from './support/server-process';
import { createThrowawayPostgres, type ThrowawayPostgres } from './support/throwaway-postgres';

/**
 * CONTRACT.md, Lifecycle and Errors: while PostgreSQL is away every request that needs it is
 * HTTP 503, code UNAVAILABLE, with Retry-After; the server serves again without a restart once
 * it is back, and no acknowledged write is lost. The test stops and starts a PostgreSQL of its
 * own (never the shared one) under a write load, against the built server in a process of its
 * own: in Jest's sandbox the driver's errors are not `instanceof Error`, which changes how
 * graphql-js treats them.
 */

interface Outcome {
  status: number;
  retryAfter: string | null;
  code?: string;
  retryAfterSeconds?: unknown;
  organizationId?: string;
  at: number;
}

const CREATE = print(CreateOrganizationDocument);

async function send(api: { url: string }, query: string, variables: unknown, token?: string): Promise<Outcome> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string; retryAfterSeconds?: unknown } }> };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions?.code,
    retryAfterSeconds: body.errors?.[0]?.extensions?.retryAfterSeconds,
    organizationId: body.data?.createOrganization?.organization?.id,
    at: Date.now(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, attempt: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

let cluster: ThrowawayPostgres | null = null;
let skipped: string | null = null;
let api: ServerProcess;
let databaseUrl: string;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) {
    skipped = 'runs with DATABASE_URL only (the embedded PGlite lives in the process and cannot go away)';
    return;
  }
  const made = await createThrowawayPostgres();
  if ('unavailable' in made) {
    skipped = made.unavailable;
    return;
  }
  cluster = made;
  await builtServer();
  databaseUrl = (await createFreshDatabase(cluster.url)).url;
  api = await spawnServer({ DATABASE_URL: databaseUrl });
}, 120_000);

afterAll(async () => {
  await killSpawned();
  await cluster?.destroy();
});

it('answers 503 UNAVAILABLE with Retry-After while PostgreSQL is down, recovers, and keeps every acknowledged write', async () => {
  if (skipped) {
    console.warn(`outage: skipped: ${skipped}`);
    return;
  }
  const registered = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: print(RegisterDocument),
      variables: { input: { email: 'outage@example.com', name: 'Outage', password: 'correct horse battery' } },
    }),
  });
  const owner = ((await registered.json()) as { data: { register: { token: string } } }).data.register;
  const outcomes: Outcome[] = [];
  let loading = true;
  let n = 0;
  const writer = async () => {
    while (loading) {
      const outcome = await send(api, CREATE, { input: { name: `Outage ${n++}`, region: 'EU1' } }, owner.token).catch((error: unknown): Outcome => ({
        status: 0,
        retryAfter: null,
        code: String(error),
        at: Date.now(),
      }));
      outcomes.push(outcome);
      await sleep(10);
    }
  };
  const writers = Array.from({ length: 4 }, writer);
  try {
    await exerciseOutage();
  } finally {
    loading = false;
    await Promise.all(writers);
  }

  async function exerciseOutage() {
    await until('acknowledged writes before the outage', async () => (outcomes.filter((o) => o.organizationId).length >= 10 ? true : null));

    const stopped = Date.now();
    await cluster!.stop('immediate');
    // Every kind of request that needs the database: the session lookup (token), anonymous resolvers, readiness.
    const refused = await until('a refused write', async () => outcomes.find((o) => o.at > stopped && o.status !== 200 && o.status !== 0) ?? null);
    expect(refused).toEqual(expect.objectContaining({ status: 503, retryAfter: '5', code: 'UNAVAILABLE', retryAfterSeconds: 5 }));
    const anonymous = await send(api, print(InvitationPreviewDocument), { token: 'x'.repeat(43) });
    expect(anonymous).toEqual(expect.objectContaining({ status: 503, retryAfter: '5', code: 'UNAVAILABLE', retryAfterSeconds: 5 }));
    expect((await fetch(api.url.replace('/graphql', '/readyz'))).status).toBe(503);
    await sleep(500);

    await cluster!.start();
    const restarted = Date.now();
    await until('a write acknowledged after the restart', async () => (outcomes.some((o) => o.at > restarted && o.organizationId) ? true : null));
  }

  // Every failure said UNAVAILABLE with its 503 and Retry-After: none was a bare 500.
  const failures = outcomes.filter((o) => o.status !== 200);
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.filter((o) => !(o.status === 503 && o.code === 'UNAVAILABLE' && o.retryAfter === '5'))).toEqual([]);
  expect(outcomes.filter((o) => o.status === 200 && !o.organizationId)).toEqual([]);

  // Every acknowledged write is there, read straight from the restarted PostgreSQL.
  const acknowledged = outcomes.flatMap((o) => (o.organizationId ? [o.organizationId] : []));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM organizations WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(rows.length).toBe(acknowledged.length);
  } finally {
    await client.end();
  }
}, 60_000);
