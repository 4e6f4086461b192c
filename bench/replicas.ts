/**
 * `npm run bench:replicas`: the members page (1,000 members, 10 teams, first 100, as the owner)
 * read from a primary alone, and with one streaming replica serving the reads
 * (DATABASE_READ_URLS), 8 clients at a time, in rounds that alternate which side goes first.
 * The primary and the replica are the bench's own clusters (scripts/replicated-postgres.ts:
 * Debian's initdb, pg_ctl and pg_basebackup), so the shared server on 5432 is never touched.
 * It prints req/s, p50 and p99 per side, and where the replica side's reads went (its metrics).
 * The measurement behind docs/scale-out.md; it asserts nothing.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { freePort } from '../scripts/free-port';
import { createReplicatedPostgres } from '../scripts/replicated-postgres';
import { populate, seedOrganization, seedOwner, type Sql } from '../scripts/seed';
import { answers, post, startChild, type Child } from './processes';
import { fixed, mean, measure, percentile, perSecond, table, type Sample } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DATABASE = 'orgraph_bench_replicas';

const MEMBERS = `query Members($moniker: String!, $first: Int) { organization(moniker: $moniker) { members(first: $first) { totalCount
  edges { node { role joinedAt user { id name email } teams { id name } } } } } }`;

function get(port: number, urlPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits until /readyz says every replica is up (it polls their replay positions itself). */
async function replicaUp(port: number): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const body = await get(port, '/readyz').catch(() => '');
    if (body.includes('"up"')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the replica never came up in /readyz');
}

async function main() {
  const pair = await createReplicatedPostgres();
  if ('unavailable' in pair) {
    console.error(`bench:replicas cannot run here: ${pair.unavailable}`);
    process.exit(1);
  }
  const mailDir = mkdtempSync(path.join(tmpdir(), 'orgraph-bench-replicas-'));
  const children: Child[] = [];
  const admin = new Client({ connectionString: pair.primaryUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const pool = new Pool({ connectionString: pair.primaryUrl(DATABASE), max: 2 });
  try {
    const base = {
      NODE_ENV: 'production',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      MAIL_DIR: mailDir,
      DATA_DIR: mailDir,
      DATABASE_URL: pair.primaryUrl(DATABASE),
    };
    const primaryOnly = await startChild('primary only', 'src/main.js', base, (port) => answers(port, '/readyz'));
    children.push(primaryOnly);

    const url = `http://127.0.0.1:${primaryOnly.port}/graphql`;
    const sql: Sql = async (query, params = []) => (await pool.query(query, params)).rows as Array<Record<string, unknown>>;
    const owner = await seedOwner(url, 'bench-replicas@example.com');
    const page = await seedOrganization(url, owner.token, 'Members page');
    await populate(sql, page.id, { members: 999, teams: 10, projects: 3 });
    await pair.caughtUp(60_000);

    const metricsPort = await freePort();
    const withReplica = await startChild(
      'with a replica',
      'src/main.js',
      { ...base, DATABASE_READ_URLS: pair.replicaUrl(DATABASE), METRICS_PORT: String(metricsPort) },
      (port) => answers(port, '/readyz'),
    );
    children.push(withReplica);
    await replicaUp(withReplica.port);

    const body = JSON.stringify({ query: MEMBERS, variables: { moniker: page.moniker, first: 100 } });
    let expected: string | null = null;
    const members = (port: number) => async () => {
      const reply = await post(port, body, owner.token);
      const parsed = JSON.parse(reply.body) as { data?: unknown; errors?: unknown };
      if (reply.status !== 200 || parsed.errors || !parsed.data) throw new Error(`members page: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
      const data = JSON.stringify(parsed.data);
      expected ??= data;
      if (data !== expected) throw new Error('members page: the two sides answered differently');
    };
    const sides = [
      { child: primaryOnly, samples: [] as Sample[] },
      { child: withReplica, samples: [] as Sample[] },
    ];
    for (const side of sides) await measure(100, CONCURRENCY, members(side.child.port));
    console.log(
      `Members page (1,000 members, first 100), ${ROUNDS} rounds × ${PER_ROUND} requests per side, ${CONCURRENCY} clients; primary and replica on this machine (node ${process.version})`,
    );
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const side of round % 2 ? [...sides].reverse() : sides) side.samples.push(await measure(PER_ROUND, CONCURRENCY, members(side.child.port)));
    }
    const rows = sides.map(({ child, samples }) => {
      const ms = samples.flatMap((s) => s.ms);
      return [child.name, fixed(mean(samples.map(perSecond)), 0), fixed(percentile(ms, 50), 2), fixed(percentile(ms, 99), 2)];
    });
    console.log(table(['side', 'req/s', 'p50 ms', 'p99 ms'], rows));
    const metrics = await get(metricsPort, '/metrics');
    const routed = metrics.split('\n').filter((line) => /^orgraph_db_(read_routes_total|replica_statements_total)/.test(line));
    console.log(`\nWhere the replica side read (its metrics):\n${routed.join('\n')}`);
  } finally {
    for (const child of children) await child.stop();
    await pool.end();
    await pair.destroy();
    rmSync(mailDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('bench:replicas failed:', error);
    process.exit(1);
  },
);
