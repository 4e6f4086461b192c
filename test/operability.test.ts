import { Writable } from 'node:stream';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { InviteMemberDocument } from './generated/graphql';
import { sql } from './support/access';
import { registerUser } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/** Every JSON line the server logs, to read back. */
const lines: Array<Record<string, unknown>> = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let api: TestServer;
beforeAll(async () => {
  // No mail worker, so its polling neither logs nor drains the queue whose depth is measured.
  api = await startTestServer({ METRICS_PORT: '0', MAIL_WORKER: 'off' }, { logger: createLogger('trace', capture) });
});
afterAll(() => api.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('answers every response with x-request-id: the client one when sane, else a new UUID', async () => {
    const given = await post({ query: '{ viewer { id } }' }, { 'x-request-id': 'spa-42.retry:1_x-y' });
    expect(given.headers.get('x-request-id')).toBe('spa-42.retry:1_x-y');

    const fresh = await post({ query: '{ viewer { id } }' });
    const other = await post({ query: '{ viewer { id } }' });
    expect(fresh.headers.get('x-request-id')).toMatch(UUID);
    expect(other.headers.get('x-request-id')).not.toBe(fresh.headers.get('x-request-id'));

    for (const insane of ['a'.repeat(129), 'has space', 'semi;colon', '']) {
      expect((await post({ query: '{ viewer { id } }' }, { 'x-request-id': insane })).headers.get('x-request-id')).toMatch(UUID);
    }
    // Outside /graphql, and on refusals of the HTTP layer, too.
    expect((await fetch(api.url.replace('/graphql', '/healthz'))).headers.get('x-request-id')).toMatch(UUID);
    const malformed = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json-1' }, body: '{' });
    expect(malformed.headers.get('x-request-id')).toBe('bad-json-1');
  });

  it('stamps every log line of the request, and names the id in INTERNAL_SERVER_ERROR', async () => {
    const owner = await registerUser(api);
    await sql(api, 'ALTER TABLE audit_events RENAME TO audit_events_away');
    let response: Response;
    try {
      response = await post(
        {
          query: 'query($moniker: String!) { organization(moniker: $moniker) { auditLog(first: 1) { totalCount } } }',
          variables: { moniker: owner.organization.moniker },
        },
        { authorization: `Bearer ${owner.token}`, 'x-request-id': 'report-me-7' },
      );
    } finally {
      await sql(api, 'ALTER TABLE audit_events_away RENAME TO audit_events');
    }
    const body = await response.json();
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'report-me-7' });
    expect(JSON.stringify(body)).not.toMatch(/audit_events|relation/);

    const ofRequest = lines.filter((line) => line.requestId === 'report-me-7');
    expect(ofRequest.map((line) => line.msg)).toEqual(expect.arrayContaining(['sql', 'unexpected error', 'request']));
    expect(ofRequest.find((line) => line.msg === 'request')).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
    // The statement that failed (the only read of the audit log here) is logged under the request's id.
    const itsStatements = lines.filter((line) => line.msg === 'sql' && /^SELECT[\s\S]*FROM "?audit_events"?[\s)]/.test(String(line.query)));
    expect(itsStatements.length).toBeGreaterThan(0);
    expect(itsStatements.every((line) => line.requestId === 'report-me-7')).toBe(true);
  });

  it('logs and names the request id without debug logging too, where no request runs in an async store', async () => {
    const quiet: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) quiet.push(JSON.parse(line));
        done();
      },
    });
    const server = await startTestServer({ MAIL_WORKER: 'off' }, { logger: createLogger('info', sink) });
    try {
      const owner = await registerUser(server);
      await sql(server, 'ALTER TABLE audit_events RENAME TO audit_events_away');
      let body: { errors: Array<{ extensions: Record<string, unknown> }> };
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-request-id': 'report-me-8' },
          body: JSON.stringify({
            query: 'query($moniker: String!) { organization(moniker: $moniker) { auditLog(first: 1) { totalCount } } }',
            variables: { moniker: owner.organization.moniker },
          }),
        });
        body = await response.json();
      } finally {
        await sql(server, 'ALTER TABLE audit_events_away RENAME TO audit_events');
      }
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'report-me-8' });
      const ofRequest = quiet.filter((line) => line.requestId === 'report-me-8').map((line) => line.msg);
      expect(ofRequest).toEqual(expect.arrayContaining(['unexpected error', 'request']));
      expect(ofRequest).not.toContain('sql');
    } finally {
      await server.stop();
    }
  });

  it('keeps the request id out of the extensions of ordinary refusals', async () => {
    const body = await (await post({ query: '{ organization(moniker: "nope-nope") { id } }' })).json();
    expect(errorCode(body)).toBe('UNAUTHENTICATED');
    expect(body.errors[0].extensions.requestId).toBeUndefined();
  });
});

describe('metrics', () => {
  const scrape = async () => {
    const response = await fetch(api.server.metricsUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };
  const sample = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('counts requests by operation and outcome, times them, and reports SQL, pool, mail queue and process metrics', async () => {
    const owner = await registerUser(api);
    const before = await scrape();
    const statementsBefore = sample(before, 'orgraph_sql_statements_total')!;

    dataOf(await api.exec('query MyOrganizations { viewer { organizations(first: 5) { totalCount } } }', {}, owner.token));
    dataOf(await api.exec('query MyOrganizations { viewer { organizations(first: 5) { totalCount } } }', {}, owner.token));
    expect(errorCode(await api.exec('query NotAllowed { organization(moniker: "some-org") { id } }'))).toBe('UNAUTHENTICATED');
    dataOf(
      await api.exec(InviteMemberDocument, { input: { organizationId: owner.organization.id, email: 'queued@example.com', role: 'MEMBER' } }, owner.token),
    );

    const after = await scrape();
    expect(sample(after, 'orgraph_graphql_requests_total{operation="MyOrganizations",outcome="success"}')).toBe(2);
    expect(sample(after, 'orgraph_graphql_requests_total{operation="NotAllowed",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(after, 'orgraph_graphql_request_duration_seconds_count{operation="MyOrganizations"}')).toBe(2);
    expect(sample(after, 'orgraph_graphql_request_duration_seconds_bucket{le="+Inf",operation="MyOrganizations"}')).toBe(2);
    expect(sample(after, 'orgraph_sql_statements_total')!).toBeGreaterThan(statementsBefore);
    expect(sample(after, 'orgraph_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'orgraph_db_pool_connections{state="waiting"}')).toBe(0);
    expect(sample(after, 'orgraph_mail_queue_depth')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(after).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });

  it('serves only GET /metrics on its own port, and nothing of it on the public one', async () => {
    expect(new URL(api.server.metricsUrl!).port).not.toBe(new URL(api.url).port);
    expect((await fetch(api.server.metricsUrl!.replace('/metrics', '/graphql'))).status).toBe(404);
    expect((await fetch(api.server.metricsUrl!, { method: 'POST' })).status).toBe(404);
    const publicMetrics = await fetch(api.url.replace('/graphql', '/metrics'));
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toMatch(/orgraph_|process_cpu/);
  });

  it('is off unless METRICS_PORT is set, and never on PORT', async () => {
    expect(loadConfig({}).metricsPort).toBeNull();
    expect(loadConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(() => loadConfig({ PORT: '4000', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT must differ from PORT/);
    expect(() => loadConfig({ METRICS_PORT: 'x' })).toThrow(/METRICS_PORT must be an integer/);
  });
});
