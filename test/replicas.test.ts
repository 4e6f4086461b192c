import { Client } from 'pg';
import { CreateTeamDocument, LogoutDocument, RemoveMemberDocument } from './generated/graphql';
import { joinOrganization } from './support/access';
import { registerUser, type Account } from './support/factories';
import { createReplicatedPostgres, type ReplicatedPostgres } from '../scripts/replicated-postgres';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/**
 * CONTRACT.md, Scale-out: lists and pages read from a streaming replica (one this test makes,
 * with a primary of its own, never the shared server), read-your-writes per session, no stale
 * rights whatever the replica's lag, and replicas that are down or too far behind skipped and
 * back by themselves. The replica's lag is made with recovery_min_apply_delay.
 */

const POLL_MS = 100;
const DELAY_MS = 2000;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const TEAMS = `query($id: ID!) { organization(id: $id) { id name teams { id name } } }`;
const MY_ORGANIZATIONS = `{ viewer { organizations(first: 50) { nodes { id } } } }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { members(first: 50) { totalCount edges { node { user { id } } } } } }`;

let pair: ReplicatedPostgres | null = null;
let skipped: string | null = null;
let api: TestServer;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, attempt: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function query<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** One metric's value from the server's /metrics, 0 when absent. */
async function metric(server: TestServer, name: string, labels: string): Promise<number> {
  const body = await (await fetch(server.server.metricsUrl!)).text();
  const line = body.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

const routes = (server: TestServer, target: string) => metric(server, 'orgraph_db_read_routes_total', `target="${target}"`);

async function readyz(
  server: TestServer,
): Promise<{ status: number; body: { status: string; replicas?: Array<{ name: string; state: string; lagSeconds: number | null }> } }> {
  const res = await fetch(server.url.replace('/graphql', '/readyz'));
  return { status: res.status, body: (await res.json()) as never };
}

/** Waits until the replica has replayed everything so far and the server's poller has seen it. */
async function replicaCaughtUp(): Promise<void> {
  await pair!.caughtUp();
  await sleep(POLL_MS * 3);
}

/** How many members the organization's members page counts and lists, as `token` reads it. */
async function membersSeen(server: TestServer, token: string, organizationId: string): Promise<[number, number]> {
  const { members } = dataOf(await server.exec(MEMBERS, { id: organizationId }, token)).organization;
  return [members.totalCount as number, (members.edges as unknown[]).length];
}

/** The organization's team names, sorted, as `token` reads them (errors throw). */
async function teamNames(server: TestServer, token: string, organizationId: string): Promise<string[]> {
  const { organization } = dataOf(await server.exec(TEAMS, { id: organizationId }, token));
  return (organization.teams as Array<{ name: string }>).map((t) => t.name).sort();
}

beforeAll(async () => {
  if (!process.env.DATABASE_URL) {
    skipped = 'runs with DATABASE_URL only (it makes PostgreSQL clusters of its own with the same tools)';
    return;
  }
  const made = await createReplicatedPostgres();
  if ('unavailable' in made) {
    skipped = made.unavailable;
    return;
  }
  pair = made;
  await query(pair.primaryUrl(), 'CREATE DATABASE orgraph');
  api = await startTestServer(
    { DATABASE_URL: pair.primaryUrl('orgraph'), DATABASE_READ_URLS: pair.replicaUrl('orgraph'), READ_REPLICA_MAX_LAG_SECONDS: '10', METRICS_PORT: '0' },
    { freshDatabase: false, replicaPollIntervalMs: POLL_MS },
  );
}, 90_000);

afterAll(async () => {
  await api?.stop().catch(() => undefined);
  await pair?.destroy();
}, 30_000);

/** Runs `body` unless the clusters could not be made here (the reason is printed). */
function withReplica(name: string, body: () => Promise<void>, timeout = 40_000) {
  it(
    name,
    async () => {
      if (skipped) {
        console.warn(`replicas: skipped: ${skipped}`);
        return;
      }
      await body();
    },
    timeout,
  );
}

describe('read replicas', () => {
  let owner: Account;
  let member: Account;

  withReplica('reads lists from a replica that has replayed the session: a row written elsewhere shows only once the replica applies it', async () => {
    owner = await registerUser(api);
    member = await registerUser(api);
    await joinOrganization(api, owner.organization.id, member.user.id, 'MEMBER');
    await replicaCaughtUp();
    expect((await readyz(api)).body.replicas).toEqual([expect.objectContaining({ name: 'replica1', state: 'up' })]);

    const [onReplica, statements] = [await routes(api, 'replica1'), await metric(api, 'orgraph_db_replica_statements_total', 'replica="replica1"')];
    expect(await teamNames(api, member.token, owner.organization.id)).toEqual(['My team']);
    expect(await routes(api, 'replica1')).toBe(onReplica + 1);
    expect(await metric(api, 'orgraph_db_replica_statements_total', 'replica="replica1"')).toBeGreaterThan(statements);

    // A team written on the primary by no session of the reader: the lagging replica does not have it yet, and serves all the same.
    await pair!.setApplyDelay(DELAY_MS);
    await query(pair!.primaryUrl('orgraph'), `INSERT INTO teams (organization_id, name) VALUES ($1, 'Written elsewhere')`, [owner.organization.id]);
    expect(await teamNames(api, member.token, owner.organization.id)).toEqual(['My team']);
    await until('the replica to apply the team', async () => (await teamNames(api, member.token, owner.organization.id)).includes('Written elsewhere'));
    expect(await routes(api, 'replica1')).toBeGreaterThanOrEqual(onReplica + 3);

    // The members page (its count included) is a list too: a membership written elsewhere shows once the replica applies it.
    const third = await registerUser(api);
    expect(await membersSeen(api, member.token, owner.organization.id)).toEqual([2, 2]);
    await query(pair!.primaryUrl('orgraph'), `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [
      owner.organization.id,
      third.user.id,
    ]);
    expect(await membersSeen(api, member.token, owner.organization.id)).toEqual([2, 2]);
    await until('the replica to apply the membership', async () => (await membersSeen(api, member.token, owner.organization.id))[0] === 3);
    expect(await membersSeen(api, member.token, owner.organization.id)).toEqual([3, 3]);
  });

  withReplica('read-your-writes: after a mutation the session reads what it wrote at once, while the replica still lags', async () => {
    await replicaCaughtUp();
    // The writer's session reads the replica before its mutation…
    const before = await routes(api, 'replica1');
    expect(await teamNames(api, owner.token, owner.organization.id)).not.toContain('Mine');
    expect(await routes(api, 'replica1')).toBe(before + 1);
    const onPrimary = await routes(api, 'primary');
    dataOf(await api.exec(CreateTeamDocument, { input: { organizationId: owner.organization.id, name: 'Mine' } }, owner.token));
    // …and the primary after it, until a replica has replayed its mutation…
    expect(await teamNames(api, owner.token, owner.organization.id)).toContain('Mine');
    expect(await routes(api, 'primary')).toBe(onPrimary + 1);
    // …another session reads the replica, which has not applied it yet (the contract promises nothing across sessions).
    expect(await teamNames(api, member.token, owner.organization.id)).not.toContain('Mine');
    const [row] = await query(pair!.replicaUrl('orgraph'), `SELECT count(*)::int AS n FROM teams WHERE name = 'Mine'`);
    expect(row.n).toBe(0);

    // Once the replica has replayed it, the writer's reads go back to the replica.
    await replicaCaughtUp();
    const onReplica = await routes(api, 'replica1');
    expect(await teamNames(api, owner.token, owner.organization.id)).toContain('Mine');
    expect(await routes(api, 'replica1')).toBe(onReplica + 1);
  });

  withReplica('no stale rights: a removed member and a revoked session are refused at once, though the lagging replica still has them', async () => {
    const other = (await api.exec(LOGIN, { input: { email: member.user.email, password: 'correct horse battery' } })).data.login.token as string;
    await replicaCaughtUp();
    expect(dataOf(await api.exec(TEAMS, { id: owner.organization.id }, member.token)).organization.id).toBe(owner.organization.id);
    const seen = async (token: string) =>
      (dataOf(await api.exec(MY_ORGANIZATIONS, {}, token)).viewer.organizations.nodes as Array<{ id: string }>).map((o) => o.id);
    expect(await seen(member.token)).toContain(owner.organization.id);

    dataOf(await api.exec(RemoveMemberDocument, { input: { organizationId: owner.organization.id, userId: member.user.id } }, owner.token));
    const onReplica = await routes(api, 'replica1');
    expect(errorCode(await api.exec(TEAMS, { id: owner.organization.id }, member.token))).toBe('NOT_FOUND');
    expect(await seen(member.token)).not.toContain(owner.organization.id);
    // Those reads were routed to the replica (the member's session wrote nothing), which still holds the membership.
    expect(await routes(api, 'replica1')).toBe(onReplica + 2);
    const replica = pair!.replicaUrl('orgraph');
    expect(await query(replica, 'SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [owner.organization.id, member.user.id])).toEqual([
      { role: 'MEMBER' },
    ]);

    // A session ended by logout is refused at once, though the replica still has it.
    dataOf(await api.exec(LogoutDocument, { input: { allSessions: true } }, member.token));
    expect(errorCode(await api.exec(MY_ORGANIZATIONS, {}, other))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(MY_ORGANIZATIONS, {}, member.token))).toBe('UNAUTHENTICATED');
    const [{ n }] = await query(replica, 'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [member.user.id]);
    expect(n).toBe(2);
  });

  withReplica('a replica that goes down is skipped without errors, reported by /readyz, and serves again once back', async () => {
    await pair!.setApplyDelay(0);
    await replicaCaughtUp();
    await pair!.stopReplica();
    // At once, before any poll has noticed: the reads the replica cannot serve go to the primary.
    for (let i = 0; i < 3; i += 1) expect(await teamNames(api, owner.token, owner.organization.id)).toContain('Mine');
    const down = await until('/readyz to report the replica down', async () => {
      const ready = await readyz(api);
      return ready.body.replicas?.[0].state === 'down' && ready;
    });
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('ready');
    expect(await metric(api, 'orgraph_db_replica_up', 'replica="replica1"')).toBe(0);
    const onPrimary = await routes(api, 'primary');
    expect(await teamNames(api, owner.token, owner.organization.id)).toContain('Mine');
    expect(await routes(api, 'primary')).toBe(onPrimary + 1);

    await pair!.startReplica();
    await until('the replica to be back', async () => (await readyz(api)).body.replicas?.[0].state === 'up');
    await replicaCaughtUp();
    const onReplica = await routes(api, 'replica1');
    expect(await teamNames(api, owner.token, owner.organization.id)).toContain('Mine');
    expect(await routes(api, 'replica1')).toBe(onReplica + 1);
    expect(await metric(api, 'orgraph_db_replica_up', 'replica="replica1"')).toBe(1);
  });

  withReplica('a replica more than READ_REPLICA_MAX_LAG_SECONDS behind is skipped until it catches up', async () => {
    const strict = await startTestServer(
      { DATABASE_URL: pair!.primaryUrl('orgraph'), DATABASE_READ_URLS: pair!.replicaUrl('orgraph'), READ_REPLICA_MAX_LAG_SECONDS: '1', METRICS_PORT: '0' },
      { freshDatabase: false, replicaPollIntervalMs: POLL_MS },
    );
    try {
      await replicaCaughtUp();
      await pair!.setApplyDelay(3000);
      await query(pair!.primaryUrl('orgraph'), `UPDATE organizations SET name = 'Renamed elsewhere' WHERE id = $1`, [owner.organization.id]);
      const lagging = await until('/readyz to report the replica lagging', async () => {
        const ready = await readyz(strict);
        return ready.body.replicas?.[0].state === 'lagging' && ready;
      });
      expect(lagging.status).toBe(200);
      expect(lagging.body.replicas![0].lagSeconds).toBeGreaterThan(1);
      expect(await metric(strict, 'orgraph_db_replica_lag_seconds', 'replica="replica1"')).toBeGreaterThan(1);
      const onPrimary = await routes(strict, 'primary');
      expect(dataOf(await strict.exec(TEAMS, { id: owner.organization.id }, owner.token)).organization.name).toBe('Renamed elsewhere');
      expect(await routes(strict, 'primary')).toBe(onPrimary + 1);
      await pair!.setApplyDelay(0);
      await until('the replica to catch up', async () => (await readyz(strict)).body.replicas?.[0].state === 'up');
    } finally {
      await strict.stop();
    }
  });
});
