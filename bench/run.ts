/**
 * The benchmark (`npm run bench`, PostgreSQL on DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres):
 * a fresh database seeded through the API and SQL (scripts/seed.ts), Orgraph started as its
 * own process in production mode and a hand-written baseline (bench/baseline.ts) on the same
 * database, both measured over HTTP in interleaved rounds with every response body verified.
 * It prints req/s, p50, p99, SQL statements per request, the server's peak RSS and the ratios
 * of issue 14, then the in-process extras (shield's cost, live events, hostile documents).
 * It asserts nothing: the numbers depend on the machine (2 shared cores: compare ratios of one run).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import { createContext } from '../src/app/context';
import { createSchema } from '../src/app/schema';
import { startServer, type RunningServer } from '../src/app/server';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { populate, seedOrganization, seedOwner, type SeededOrganization, type SeededOwner, type Sql } from '../scripts/seed';
import { eventsCost } from './events';
import { hostileDocuments } from './hostile';
import { answers, post, startChild, type Child } from './processes';
import { fixed, mean, measure, megabytes, percentile, table } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const BIG = Number(process.env.BENCH_BIG_MEMBERS ?? 100_000);
const EXTRAS = process.env.BENCH_EXTRAS !== 'off';
/** A build (its dist/ directory) of an earlier commit: run as one more side of every scenario, on the same data in the same rounds. */
const BEFORE = process.env.BENCH_BEFORE_DIST ? path.resolve(process.env.BENCH_BEFORE_DIST) : null;

const MEMBERS = `query Members($moniker: String!, $first: Int) { organization(moniker: $moniker) { members(first: $first) { totalCount
  edges { node { role joinedAt user { id name email } teams { id name } } } } } }`;
const VIEWER = `query Viewer($first: Int, $after: String) { viewer { id email name activeOrganization { id moniker name }
  organizations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id moniker name region plan viewerRole viewerPermissions } } } } }`;
const PROJECT = `query Project($id: ID!) { project(id: $id) { id name description createdAt viewerPermissions organization { id moniker }
  access { role { id name } principal { __typename ... on User { id name } ... on Team { id name } } } } }`;
/** The contract's dashboard query (CONTRACT.md, Limits). */
const DASHBOARD = `{ viewer { organizations(first: 20) { edges { node { id name viewerRole viewerPermissions
  teams { id name } projects(first: 20) { totalCount edges { node { id name viewerPermissions } } } } } } } }`;

interface Scenario {
  name: string;
  /** One request (or, for the mutation mix, one step of it): resolves when its body is verified. */
  run(port: number, i: number): Promise<void>;
  /** Runs the same requests against the baseline too. */
  baseline?: boolean;
  /** One request whose extensions.sqlStatements the in-process development server reports. */
  statements?: { query: string; variables: Record<string, unknown>; token: string };
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: unknown[];
  extensions?: { sqlStatements?: number };
}

function verified(status: number, body: string, what: string): GraphQLBody {
  const parsed = JSON.parse(body) as GraphQLBody;
  if (status !== 200 || parsed.errors?.length || !parsed.data) throw new Error(`${what}: HTTP ${status} ${body.slice(0, 300)}`);
  return parsed;
}

const payload = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

interface World {
  owner: SeededOwner;
  small: SeededOrganization;
  page: SeededOrganization;
  big: SeededOrganization;
  projectId: string;
  /** Where the mutation mix runs (not on a page the bench verifies). */
  mix: { organizationId: string; projectId: string; memberIds: string[] };
  busy: SeededOwner;
}

async function seedWorld(server: RunningServer): Promise<World> {
  const sql: Sql = (query, params = []) => server.database.dataSource.query(query, params);
  const started = performance.now();
  const owner = await seedOwner(server.url, 'bench-owner@example.com');
  const small = owner.organization;
  const page = await seedOrganization(server.url, owner.token, 'Members page');
  const big = await seedOrganization(server.url, owner.token, 'Big');
  const others = [await seedOrganization(server.url, owner.token, 'Other 1'), await seedOrganization(server.url, owner.token, 'Other 2')];
  await populate(sql, small.id, { members: 99, teams: 10, projects: 3 });
  await populate(sql, page.id, { members: 999, teams: 10, projects: 3 });
  await populate(sql, big.id, { members: BIG - 1, teams: 10, projects: 3 });
  for (const other of others) await populate(sql, other.id, { members: 10, teams: 2, projects: 3 });
  const busy = await seedOwner(server.url, 'bench-busy@example.com');
  await populate(sql, busy.organization.id, { members: 5, teams: 2, projects: 3 });
  for (let i = 2; i <= 50; i += 1) await populate(sql, (await seedOrganization(server.url, busy.token, `Busy ${i}`)).id, { members: 5, teams: 2, projects: 3 });
  const [{ id: projectId }] = (await sql(`SELECT id FROM projects WHERE organization_id = $1 ORDER BY name LIMIT 1`, [page.id])) as Array<{ id: string }>;
  const [{ id: mixProjectId }] = (await sql(`SELECT id FROM projects WHERE organization_id = $1 ORDER BY name LIMIT 1`, [others[0].id])) as Array<{
    id: string;
  }>;
  const members = (await sql(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role <> 'OWNER' ORDER BY user_id`, [others[0].id])) as Array<{
    user_id: string;
  }>;
  console.log(
    `seeded in ${fixed((performance.now() - started) / 1000, 1)} s: an owner of 5 organizations (100, 1,000 and ${BIG.toLocaleString('en')} members with 10 teams; 2 small), another owner of 50 small ones`,
  );
  return { owner, small, page, big, projectId, mix: { organizationId: others[0].id, projectId: mixProjectId, memberIds: members.map((m) => m.user_id) }, busy };
}

function scenarios(world: World, expectedMembersPage: () => string): Scenario[] {
  const { owner } = world;
  const membersOf = (organization: SeededOrganization, check: (data: string) => void) => async (port: number) => {
    const reply = await post(port, payload(MEMBERS, { moniker: organization.moniker, first: 100 }), owner.token);
    check(JSON.stringify(verified(reply.status, reply.body, 'members page').data));
  };
  const hundredEdges = (data: string) => {
    if (JSON.parse(data).organization.members.edges.length !== 100) throw new Error('members page: not 100 edges');
  };
  const single = (query: string, variables: Record<string, unknown>, token = owner.token) => ({
    async run(port: number) {
      const reply = await post(port, payload(query, variables), token);
      verified(reply.status, reply.body, query.slice(0, 40));
    },
    statements: { query, variables, token },
  });
  return [
    {
      name: 'members page (1,000 members, first 100)',
      baseline: true,
      run: membersOf(world.page, (data) => {
        if (data !== expectedMembersPage()) throw new Error('members page: data differs from the baseline');
      }),
      statements: { query: MEMBERS, variables: { moniker: world.page.moniker, first: 100 }, token: owner.token },
    },
    {
      name: 'members page (100 members)',
      run: membersOf(world.small, hundredEdges),
      statements: { query: MEMBERS, variables: { moniker: world.small.moniker, first: 100 }, token: owner.token },
    },
    {
      name: `members page (${BIG.toLocaleString('en')} members)`,
      run: membersOf(world.big, hundredEdges),
      statements: { query: MEMBERS, variables: { moniker: world.big.moniker, first: 100 }, token: owner.token },
    },
    { name: "viewer's organizations (5)", ...single(VIEWER, { first: 20 }) },
    { name: 'project page (access list, permissions)', ...single(PROJECT, { id: world.projectId }) },
    { name: 'dashboard (5 organizations)', ...single(DASHBOARD, {}) },
    { name: 'dashboard (50 organizations)', ...single(DASHBOARD, {}, world.busy.token) },
    {
      name: 'mutation mix (invite, revoke, role change, grant, revoke grant)',
      run: mutationStep(world),
    },
  ];
}

/** Step i of the mix: an invitation then its revocation, a role change back and forth, a project grant then its revocation. */
function mutationStep(world: World) {
  const { organizationId, projectId, memberIds } = world.mix;
  let counter = 0;
  return async (port: number, i: number) => {
    let invitationId: string | null = null;
    const member = memberIds[i % memberIds.length];
    const steps: Array<[string, Record<string, unknown>]> = [
      [
        `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id status } } }`,
        { input: { organizationId, email: `bench-invitee-${process.pid}-${(counter += 1)}@example.com`, role: 'MEMBER' } },
      ],
      [`mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id status } } }`, { input: { invitationId } }],
      [
        `mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { role user { id } } } }`,
        { input: { organizationId, userId: member, role: i % 2 ? 'MEMBER' : 'ADMIN' } },
      ],
      [
        `mutation($input: GrantProjectAccessInput!) { grantProjectAccess(input: $input) { access { role { id } } } }`,
        { input: { projectId, userId: member, roleId: '00000000-0000-4000-8000-000000000001' } },
      ],
      [`mutation($input: RevokeProjectAccessInput!) { revokeProjectAccess(input: $input) { project { id } } }`, { input: { projectId, userId: member } }],
    ];
    // Each call runs the whole mix in order, so concurrent calls never revoke each other's invitation.
    for (const [query, variables] of steps) {
      if (query.includes('revokeInvitation')) variables.input = { invitationId };
      const reply = await post(port, payload(query, variables), world.owner.token);
      const body = verified(reply.status, reply.body, query.slice(9, 40));
      if (query.includes('inviteMember')) invitationId = body.data!.inviteMember.invitation.id as string;
    }
  };
}

/** Every timed call of one side of a scenario, over all rounds. */
interface Tally {
  ms: number[];
  seconds: number;
}

/** `measure` whose sample is added to `into`. */
async function measureInto(into: Tally, count: number, fn: (i: number) => Promise<void>): Promise<void> {
  const sample = await measure(count, CONCURRENCY, fn);
  into.ms.push(...sample.ms);
  into.seconds += sample.totalMs / 1000;
}

const rate = (tally: Tally) => tally.ms.length / tally.seconds;

/** Statements per request, from the in-process development server (production responses carry none). */
async function statementsOf(server: RunningServer, scenario: Scenario): Promise<string> {
  if (!scenario.statements) return '-';
  const { query, variables, token } = scenario.statements;
  const port = Number(new URL(server.url).port);
  const reply = await post(port, payload(query, variables), token);
  return String(verified(reply.status, reply.body, scenario.name).extensions?.sqlStatements ?? '?');
}

/** Shield on and off for the members page: execute() in-process, alternating, context built outside the timing. */
async function shieldRatio(server: RunningServer, world: World): Promise<number> {
  const { schema, unprotected } = await createSchema();
  const document = parse(MEMBERS);
  const times: Record<'shield' | 'bare', number[]> = { shield: [], bare: [] };
  const run = async (which: 'shield' | 'bare') => {
    const contextValue = await createContext(server.database.dataSource, server.services, {
      authorization: `Bearer ${world.owner.token}`,
      clientAddress: 'bench',
      requestId: 'bench',
      logger: createLogger('silent'),
    });
    const t0 = performance.now();
    const result = await execute({
      schema: which === 'shield' ? schema : unprotected,
      document,
      variableValues: { moniker: world.page.moniker, first: 100 },
      contextValue,
    });
    times[which].push(performance.now() - t0);
    if (result.errors?.length) throw new Error(`members page (${which}): ${JSON.stringify(result.errors)}`);
  };
  const runs = ROUNDS * PER_ROUND;
  for (let i = 0; i < runs + 20; i += 1) {
    if (i === 20) {
      times.shield = [];
      times.bare = [];
    }
    for (const which of i % 2 ? (['shield', 'bare'] as const) : (['bare', 'shield'] as const)) await run(which);
  }
  console.log(
    `\nShield on the members page (execute() in-process, ${runs} runs each, alternating): p50 ${fixed(percentile(times.shield, 50), 2)} ms with, ${fixed(percentile(times.bare, 50), 2)} ms without; mean ${fixed(mean(times.shield), 2)} / ${fixed(mean(times.bare), 2)} ms`,
  );
  return mean(times.bare) / mean(times.shield);
}

async function main() {
  const mailDir = mkdtempSync(path.join(tmpdir(), 'orgraph-bench-mail-'));
  const databaseUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMITS: 'off',
    // The seeded accounts never verify their email; the mutation mix invites.
    INVITES_REQUIRE_VERIFIED_EMAIL: 'false',
    MAIL_DIR: mailDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  };
  const config = loadConfig({ ...env, NODE_ENV: 'development' });
  // The in-process server: migrations and seeding, statement counts (development mode reports them), shield's cost and the extras.
  const server = await startServer({ config, logger: createLogger(config.logLevel), freshDatabase: true });
  const children: Child[] = [];
  try {
    const freshUrl = (server.database.dataSource.options as { url?: string }).url!;
    console.log(
      `Orgraph benchmark: node ${process.version}, PostgreSQL (a fresh database), ${ROUNDS} rounds × ${PER_ROUND} requests per side, ${CONCURRENCY} at a time`,
    );
    const world = await seedWorld(server);
    const childEnv = {
      DATABASE_URL: freshUrl,
      NODE_ENV: 'production',
      RATE_LIMITS: 'off',
      INVITES_REQUIRE_VERIFIED_EMAIL: 'false',
      LOG_LEVEL: 'warn',
      MAIL_DIR: mailDir,
      DATA_DIR: mailDir,
    };
    const orgraph = await startChild('orgraph', 'src/main.js', childEnv, (port) => answers(port, '/readyz'));
    children.push(orgraph);
    const baseline = await startChild('baseline', 'bench/baseline.js', { DATABASE_URL: freshUrl }, (port) => post(port, '{}').then(() => true));
    children.push(baseline);
    const before = BEFORE ? await startChild('before', path.join(BEFORE, 'src/main.js'), childEnv, (port) => answers(port, '/readyz')) : null;
    if (before) children.push(before);

    const first = await post(baseline.port, payload(MEMBERS, { moniker: world.page.moniker, first: 100 }), world.owner.token);
    const expected = JSON.stringify(verified(first.status, first.body, 'baseline').data);
    const list = scenarios(world, () => expected);
    const tally = (): Tally => ({ ms: [], seconds: 0 });
    const tallies = list.map(() => ({ orgraph: tally(), baseline: tally(), before: tally() }));
    const baselineCheck = async (port: number) => {
      const reply = await post(port, payload(MEMBERS, { moniker: world.page.moniker, first: 100 }), world.owner.token);
      if (JSON.stringify(verified(reply.status, reply.body, 'baseline').data) !== expected) throw new Error('baseline: data changed');
    };
    // Warm-up, then rounds that alternate which side goes first.
    for (const scenario of list) await measure(20, CONCURRENCY, (i) => scenario.run(orgraph.port, i));
    if (before) for (const scenario of list) await measure(20, CONCURRENCY, (i) => scenario.run(before.port, i));
    await measure(20, CONCURRENCY, () => baselineCheck(baseline.port));
    // The server's high-water mark of RSS once each scenario has run: where the peak comes from.
    const peaks = list.map(() => 0);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [n, scenario] of list.entries()) {
        const sides: Array<() => Promise<void>> = [() => measureInto(tallies[n].orgraph, PER_ROUND, (i) => scenario.run(orgraph.port, i))];
        if (scenario.baseline) sides.push(() => measureInto(tallies[n].baseline, PER_ROUND, () => baselineCheck(baseline.port)));
        if (before) sides.push(() => measureInto(tallies[n].before, PER_ROUND, (i) => scenario.run(before.port, i)));
        // Which side goes first turns with the rounds.
        for (let k = 0; k < sides.length; k += 1) await sides[(k + round) % sides.length]();
        peaks[n] = orgraph.peakRss();
      }
    }

    const rows: string[][] = [];
    for (const [n, scenario] of list.entries()) {
      const { orgraph: o, baseline: b } = tallies[n];
      const peak = megabytes(peaks[n]);
      rows.push([scenario.name, fixed(rate(o), 0), fixed(percentile(o.ms, 50), 2), fixed(percentile(o.ms, 99), 2), await statementsOf(server, scenario), peak]);
      if (scenario.baseline)
        rows.push(['  baseline (node:http + pg, 1 statement)', fixed(rate(b), 0), fixed(percentile(b.ms, 50), 2), fixed(percentile(b.ms, 99), 2), '1', '']);
      const earlier = tallies[n].before;
      if (before)
        rows.push([
          `  before (${fixed(rate(o) / rate(earlier), 2)}× now)`,
          fixed(rate(earlier), 0),
          fixed(percentile(earlier.ms, 50), 2),
          fixed(percentile(earlier.ms, 99), 2),
          '',
          '',
        ]);
    }
    console.log(`\nOver HTTP (Orgraph in production mode, every body verified; the mutation mix counts one mix of 5 mutations as one request)`);
    console.log(table(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'SQL/request', 'peak RSS so far'], rows));
    const peak = orgraph.peakRss();
    console.log(
      `Orgraph's peak RSS: ${megabytes(peak)}; the baseline's: ${megabytes(baseline.peakRss())}${before ? `; before: ${megabytes(before.peakRss())}` : ''}`,
    );

    const shield = await shieldRatio(server, world);
    const members = tallies[0];
    const flat = percentile(tallies[2].orgraph.ms, 50) / percentile(tallies[1].orgraph.ms, 50);
    const [dash5, dash50] = [await statementsOf(server, list[5]), await statementsOf(server, list[6])];
    const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const ratio = rate(members.orgraph) / rate(members.baseline);
    const membersStatements = Number(await statementsOf(server, list[0]));
    console.log('\nGoals (issue 14)');
    console.log(
      table(
        ['goal', 'measured', ''],
        [
          ['members page req/s vs baseline ≥ 0.5×', `${fixed(ratio, 2)}×`, goal(ratio >= 0.5)],
          ['members page SQL statements ≤ 4', String(membersStatements), goal(membersStatements <= 4)],
          ['shield on / off ≥ 0.95', fixed(shield, 3), goal(shield >= 0.95)],
          [`p50 at ${BIG.toLocaleString('en')} / p50 at 100 members ≤ 1.2`, fixed(flat, 2), goal(flat <= 1.2)],
          ['dashboard accepted, statements 5 → 50 organizations', `${dash5} → ${dash50}`, goal(dash5 === dash50)],
          ['peak RSS ≤ 250 MB', megabytes(peak), goal(peak <= 250 * 1024 * 1024)],
        ],
      ),
    );
    for (const child of children.splice(0)) await child.stop();

    if (EXTRAS) {
      const [events] = [world.small];
      let plan = 0;
      await eventsCost(server, world.owner.token, events.id, async () => {
        plan += 1;
        const reply = await post(
          Number(new URL(server.url).port),
          payload(`mutation($input: ChangePlanInput!) { changePlan(input: $input) { organization { plan } } }`, {
            input: { organizationId: events.id, plan: plan % 2 ? 'PRO' : 'CORE' },
          }),
          world.owner.token,
        );
        verified(reply.status, reply.body, 'changePlan');
      });
      await hostileDocuments(server.url, world.owner.token, DASHBOARD);
    }
  } finally {
    for (const child of children) await child.stop();
    await server.stop();
    rmSync(mailDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
