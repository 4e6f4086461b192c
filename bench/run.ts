/**
 * The benchmark (`npm run bench`): a server in this process on a fresh database (a new database
 * on DATABASE_URL's server when set, else an in-memory embedded PGlite), seeded through the API
 * and SQL, then a bounded number of requests per scenario over HTTP, and shield's cost measured
 * in-process. It prints tables and asserts nothing: numbers depend on the machine.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execute, isNonNullType, isObjectType, parse, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { startServer, type RunningServer } from '../src/app/server';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { createContext } from '../src/app/context';
import { createSchema } from '../src/app/schema';
import { hostileDocuments } from './hostile';
import { eventsCost } from './events';
import { fixed, mean, measure, megabytes, percentile, perSecond, table } from './stats';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = 8;
const WARMUP = 20;
const ORGANIZATIONS = 10;
const MEMBERS_PER_ORGANIZATION = 150;
const PROJECTS_PER_ORGANIZATION = 3;

interface Response {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: { sqlStatements?: number };
}

function client(url: string) {
  return async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Response> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Response;
  };
}
type Client = ReturnType<typeof client>;

function dataOf(res: Response, what: string) {
  if (res.errors?.length) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The fields of an object type the schema has today (other modules may still be on their way). */
const fieldsOf = (schema: GraphQLSchema, type: string) => {
  const t = schema.getType(type);
  return isObjectType(t) ? t.getFields() : {};
};

interface Seeded {
  token: string;
  organizations: Array<{ id: string; moniker: string }>;
}

async function seed(server: RunningServer, gql: Client, schema: GraphQLSchema): Promise<Seeded> {
  const sql = (query: string, params: unknown[]) => server.database.dataSource.query(query, params);
  const owner = dataOf(
    await gql(`mutation($input: RegisterInput!) { register(input: $input) { token organization { id moniker } } }`, {
      input: { email: 'bench-owner@example.com', name: 'Bench Owner', password: 'bench password 1234', organizationName: 'Bench 1' },
    }),
    'register',
  ).register;
  const organizations = [owner.organization];
  for (let i = 2; i <= ORGANIZATIONS; i += 1) {
    const res = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id moniker } } }`,
      { input: { name: `Bench ${i}`, region: 'EU1' } },
      owner.token,
    );
    organizations.push(dataOf(res, 'createOrganization').createOrganization.organization);
  }

  // Members straight in SQL: going through invitations would measure argon2, not the API.
  for (const [n, org] of organizations.entries()) {
    await sql(
      `WITH u AS (
         INSERT INTO users (email, name, password_hash)
         SELECT 'bench-' || $2::int || '-' || g || '@example.com', 'Member ' || $2::int || '-' || g, 'not-a-password-hash'
         FROM generate_series(1, $1::int) g RETURNING id)
       INSERT INTO memberships (organization_id, user_id, role)
       SELECT $3, id, (ARRAY['MEMBER', 'MEMBER', 'MEMBER', 'ADMIN', 'ACCOUNTANT'])[1 + (row_number() OVER () % 5)::int] FROM u`,
      [MEMBERS_PER_ORGANIZATION, n + 1, org.id],
    );
    await sql(
      `INSERT INTO team_members (team_id, user_id, organization_id, role)
       SELECT t.id, m.user_id, m.organization_id, 'TEAM_MEMBER' FROM memberships m
       JOIN teams t ON t.organization_id = m.organization_id AND t.is_default
       WHERE m.organization_id = $1 AND m.role <> 'OWNER'`,
      [org.id],
    );
  }
  console.log(`seeded: 1 owner, ${ORGANIZATIONS} organizations, ${MEMBERS_PER_ORGANIZATION} more members each (SQL), all in the default team`);

  const createProject = fieldsOf(schema, 'Mutation').createProject;
  const input = schema.getType('CreateProjectInput') as GraphQLInputObjectType | undefined;
  const required = input
    ? Object.values(input.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => f.name)
    : [];
  if (!createProject || required.some((f) => !['organizationId', 'name'].includes(f))) {
    console.log('seeded: no projects (createProject is not in the schema yet, or needs inputs this benchmark does not know)');
  } else {
    for (const org of organizations) {
      for (let i = 1; i <= PROJECTS_PER_ORGANIZATION; i += 1) {
        const res = await gql(
          `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } } }`,
          { input: { organizationId: org.id, name: `Project ${i}` } },
          owner.token,
        );
        dataOf(res, 'createProject');
      }
    }
    console.log(`seeded: ${PROJECTS_PER_ORGANIZATION} projects per organization (API)`);
  }
  return { token: owner.token, organizations };
}

/** The contract's "My organizations" dashboard (CONTRACT.md, Limits). */
const DASHBOARD = `{ viewer { organizations(first: 20) { edges { node { id name viewerRole viewerPermissions
  teams { id name } projects(first: 20) { totalCount edges { node { id name viewerPermissions } } } } } } } }`;

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The contract's documents, limited to the fields the schema has today. */
function scenarios(schema: GraphQLSchema, seeded: Seeded): Scenario[] {
  const list: Scenario[] = [
    {
      name: `viewer.organizations (${ORGANIZATIONS})`,
      query: `query Viewer($first: Int) { viewer { id email name activeOrganization { id moniker name }
        organizations(first: $first) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id moniker name region plan viewerRole viewerPermissions } } } } }`,
      variables: { first: ORGANIZATIONS },
    },
  ];
  const organization = fieldsOf(schema, 'Organization');
  const moniker = seeded.organizations[0].moniker;
  if (organization.members) {
    const member = fieldsOf(schema, 'Member');
    const node = ['role', 'joinedAt', 'user { id name email }', 'teams { id name }'].filter((f) => member[f.split(' ')[0]]).join(' ');
    list.push({
      name: 'organization.members (100)',
      query: `query($moniker: String!, $first: Int) { organization(moniker: $moniker) { id
        members(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${node} } } } } }`,
      variables: { moniker, first: 100 },
    });
  } else {
    console.log('skipped: organization.members (not in the schema yet)');
  }
  if (organization.projects) {
    list.push({
      name: `organization.projects (${PROJECTS_PER_ORGANIZATION})`,
      query: `query($moniker: String!) { organization(moniker: $moniker) { id
        projects(first: 20) { totalCount edges { cursor node { id name description viewerPermissions } } } } }`,
      variables: { moniker },
    });
  } else {
    console.log('skipped: organization.projects (not in the schema yet)');
  }
  return list;
}

async function overHttp(gql: Client, token: string, list: Scenario[]) {
  const rows: string[][] = [];
  for (const scenario of list) {
    const statements = new Set<number>();
    const once = async () => {
      const res = await gql(scenario.query, scenario.variables, token);
      dataOf(res, scenario.name);
      statements.add(res.extensions?.sqlStatements ?? NaN);
    };
    await measure(WARMUP, 1, once);
    const serial = await measure(REQUESTS, 1, once);
    const parallel = await measure(REQUESTS, CONCURRENCY, once);
    const sql = [...statements].sort((a, b) => a - b);
    rows.push([
      scenario.name,
      fixed(percentile(serial.ms, 50), 2),
      fixed(percentile(serial.ms, 95), 2),
      fixed(percentile(serial.ms, 99), 2),
      fixed(perSecond(serial), 0),
      fixed(perSecond(parallel), 0),
      sql.length === 1 ? String(sql[0]) : `${sql[0]}-${sql.at(-1)}`,
      megabytes(process.memoryUsage().rss),
    ]);
  }
  console.log(`\nOver HTTP: ${REQUESTS} requests per column after ${WARMUP} warm-up requests; latency of one-at-a-time requests`);
  console.log(table(['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', `req/s c=${CONCURRENCY}`, 'SQL/request', 'RSS'], rows));
}

/** The same documents executed in-process against the schema with and without the shield middleware. */
async function shieldCost(server: RunningServer, token: string, list: Scenario[]) {
  const { schema, unprotected } = await createSchema();
  const rows: string[][] = [];
  for (const scenario of list) {
    const document = parse(scenario.query);
    const times: Record<'shield' | 'bare', number[]> = { shield: [], bare: [] };
    const run = async (which: 'shield' | 'bare') => {
      // A fresh context per execution, as per request: loaders do not carry results over.
      const contextValue = await createContext(server.database.dataSource, server.services, {
        authorization: `Bearer ${token}`,
        clientAddress: 'bench',
        requestId: 'bench',
        logger: createLogger('silent'),
      });
      const t0 = performance.now();
      const result = await execute({ schema: which === 'shield' ? schema : unprotected, document, variableValues: scenario.variables, contextValue });
      times[which].push(performance.now() - t0);
      if (result.errors?.length) throw new Error(`${scenario.name} (${which}): ${JSON.stringify(result.errors)}`);
    };
    for (let i = 0; i < WARMUP; i += 1) await run(i % 2 ? 'shield' : 'bare');
    times.shield = [];
    times.bare = [];
    // Alternate, so drift (JIT, GC, caches) weighs on both sides alike.
    for (let i = 0; i < REQUESTS; i += 1) {
      const order: Array<'shield' | 'bare'> = i % 2 ? ['shield', 'bare'] : ['bare', 'shield'];
      for (const which of order) await run(which);
    }
    const [bare, shielded] = [percentile(times.bare, 50), percentile(times.shield, 50)];
    rows.push([
      scenario.name,
      fixed(bare, 3),
      fixed(shielded, 3),
      fixed(shielded - bare, 3),
      `${fixed(((shielded - bare) / bare) * 100, 0)}%`,
      fixed(mean(times.bare), 3),
      fixed(mean(times.shield), 3),
    ]);
  }
  console.log(`\nShield's cost: execute() in-process, ${REQUESTS} runs each, alternating; context built outside the timing`);
  console.log(table(['scenario', 'bare p50 ms', 'shield p50 ms', 'overhead ms', 'overhead', 'bare mean ms', 'shield mean ms'], rows));
}

async function main() {
  const mailDir = mkdtempSync(path.join(tmpdir(), 'orgraph-bench-mail-'));
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    MAIL_DIR: mailDir,
  });
  const server = await startServer({ config, logger: createLogger(config.logLevel), freshDatabase: true });
  try {
    console.log(
      `Orgraph benchmark: node ${process.version}, database ${server.database.kind}${server.database.kind === 'embedded' ? ' (PGlite, one connection: concurrent requests are serialized)' : ''}`,
    );
    const gql = client(server.url);
    const { unprotected } = await createSchema();
    const seeded = await seed(server, gql, unprotected);
    const list = scenarios(unprotected, seeded);
    await overHttp(gql, seeded.token, list);
    await shieldCost(server, seeded.token, list);
    const [events] = seeded.organizations;
    let plan = 0;
    await eventsCost(server, seeded.token, events.id, async () => {
      plan += 1;
      const res = await gql(
        `mutation($input: ChangePlanInput!) { changePlan(input: $input) { organization { plan } } }`,
        { input: { organizationId: events.id, plan: plan % 2 ? 'PRO' : 'CORE' } },
        seeded.token,
      );
      dataOf(res, 'changePlan');
    });
    await hostileDocuments(server.url, seeded.token, DASHBOARD);
    console.log(`\nprocess RSS at the end: ${megabytes(process.memoryUsage().rss)}`);
  } finally {
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
