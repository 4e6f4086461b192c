/**
 * Fast seeding for the benchmark and for trying the API with many rows:
 * `npm run seed -- --members 100000 [--organizations 5] [--teams 10] [--projects 3]`.
 * The owner and the organizations come through the API (so they are what the API makes);
 * members, teams, team memberships and projects go straight into the real tables with one
 * INSERT … SELECT generate_series per table (100,000 members take seconds).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../src/app/server';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';

export type Sql = (query: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface SeededOrganization {
  id: string;
  moniker: string;
}

export interface SeededOwner {
  token: string;
  userId: string;
  organization: SeededOrganization;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`seed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Registers the owner (with their first organization) through the API. */
export async function seedOwner(url: string, email = 'seed-owner@example.com'): Promise<SeededOwner> {
  const { register } = await graphql<{ register: { token: string; user: { id: string }; organization: SeededOrganization } }>(
    url,
    `
      mutation ($input: RegisterInput!) {
        register(input: $input) {
          token
          user {
            id
          }
          organization {
            id
            moniker
          }
        }
      }
    `,
    {
      input: { email, name: 'Seed Owner', password: 'seed password 1234', organizationName: 'Seeded 1' },
    },
  );
  return { token: register.token, userId: register.user.id, organization: register.organization };
}

/** One more organization of the owner, through the API (moniker, default team, audit event as usual). */
export async function seedOrganization(url: string, token: string, name: string): Promise<SeededOrganization> {
  const data = await graphql<{ createOrganization: { organization: SeededOrganization } }>(
    url,
    `
      mutation ($input: CreateOrganizationInput!) {
        createOrganization(input: $input) {
          organization {
            id
            moniker
          }
        }
      }
    `,
    { input: { name, region: 'EU1' } },
    token,
  );
  return data.createOrganization.organization;
}

export interface Population {
  members: number;
  teams: number;
  projects: number;
}

/**
 * `members` new users as members of the organization (one in five ADMIN, one in ten
 * ACCOUNTANT), `teams` teams besides the default one, every member in the default team and
 * in one other; `projects` projects, each granted to the default team (View) and to one member (Use).
 */
export async function populate(sql: Sql, organizationId: string, { members, teams, projects }: Population): Promise<void> {
  const tag = organizationId.slice(0, 8);
  await sql(
    `WITH u AS (
       INSERT INTO users (email, name, password_hash)
       SELECT 'seed-' || $2 || '-' || g || '@example.com', 'Member ' || $2 || ' ' || g, 'not-a-password-hash' FROM generate_series(1, $1::int) g
       RETURNING id)
     INSERT INTO memberships (organization_id, user_id, role)
     SELECT $3, id, CASE WHEN n % 5 = 0 THEN 'ADMIN' WHEN n % 10 = 1 THEN 'ACCOUNTANT' ELSE 'MEMBER' END
       FROM (SELECT id, row_number() OVER () AS n FROM u) numbered`,
    [members, tag, organizationId],
  );
  await sql(`INSERT INTO teams (organization_id, name) SELECT $1, 'Team ' || lpad(g::text, 3, '0') FROM generate_series(1, $2::int) g`, [
    organizationId,
    teams,
  ]);
  await sql(
    `WITH t AS (SELECT id, is_default, row_number() OVER (ORDER BY name) - 1 AS n, count(*) FILTER (WHERE NOT is_default) OVER () AS others
                  FROM teams WHERE organization_id = $1),
          m AS (SELECT user_id, row_number() OVER () AS n FROM memberships WHERE organization_id = $1 AND role <> 'OWNER')
     INSERT INTO team_members (team_id, user_id, organization_id, role)
     SELECT t.id, m.user_id, $1, 'TEAM_MEMBER' FROM m JOIN t ON t.is_default OR (t.others > 0 AND t.n = 1 + m.n % t.others)
     ON CONFLICT DO NOTHING`,
    [organizationId],
  );
  await sql(
    `WITH p AS (INSERT INTO projects (organization_id, name) SELECT $1, 'Project ' || g FROM generate_series(1, $2::int) g RETURNING id),
          team_grants AS (
            INSERT INTO project_grants (organization_id, project_id, team_id, role_id)
            SELECT $1, p.id, t.id, '00000000-0000-4000-8000-000000000001' FROM p JOIN teams t ON t.organization_id = $1 AND t.is_default)
     INSERT INTO project_grants (organization_id, project_id, user_id, role_id)
     SELECT $1, p.id, (SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'MEMBER' LIMIT 1), '00000000-0000-4000-8000-000000000002'
       FROM p WHERE EXISTS (SELECT 1 FROM memberships WHERE organization_id = $1 AND role = 'MEMBER')`,
    [organizationId, projects],
  );
  await sql('ANALYZE memberships, users, team_members, teams, projects, project_grants');
}

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`seed: --${name} takes a whole number`);
  return value;
}

/** `npm run seed -- --members N`: seeds the database the configuration names (DATABASE_URL, or the embedded one). */
async function main() {
  const args = process.argv.slice(2);
  const members = option(args, 'members', 1000);
  const organizations = option(args, 'organizations', 1);
  const teams = option(args, 'teams', 10);
  const projects = option(args, 'projects', 3);
  const mailDir = mkdtempSync(path.join(tmpdir(), 'orgraph-seed-mail-'));
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMITS: 'off',
    MAIL_DIR: mailDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const server = await startServer({ config, logger: createLogger(config.logLevel) });
  try {
    const url = server.url;
    const sql: Sql = (query, params = []) => server.database.dataSource.query(query, params);
    const started = Date.now();
    const owner = await seedOwner(url, `seed-owner-${Date.now().toString(36)}@example.com`);
    const list = [owner.organization];
    for (let i = 2; i <= organizations; i += 1) list.push(await seedOrganization(url, owner.token, `Seeded ${i}`));
    for (const [i, organization] of list.entries()) await populate(sql, organization.id, { members: i === 0 ? members : 10, teams, projects });
    console.log(
      JSON.stringify({ token: owner.token, organizations: list, members, seconds: (Date.now() - started) / 1000 }, null, 2),
      `\nseeded: owner's token above; organization ${list[0].moniker} has ${members} members besides the owner`,
    );
  } finally {
    await server.stop();
    rmSync(mailDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error('seed failed:', error);
    process.exit(1);
  });
}
