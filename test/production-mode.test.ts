import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { startTestServer, type TestServer } from './support/server';

/**
 * NODE_ENV=production: introspection and the playground off unless asked for, no "Did you
 * mean" suggestions, no extensions.sqlStatements; security headers on every response, and a
 * Content-Security-Policy on the playground that lets its inlined scripts (and nothing else) run.
 */
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const post = (api: TestServer, query: string) =>
  fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('production defaults', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production' });
  });
  afterAll(() => api.stop());

  it('refuses introspection and serves no playground', async () => {
    const body = await (await post(api, getIntrospectionQuery())).json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/introspection/i);

    const page = await fetch(api.url, { headers: BROWSER });
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('suggests no schema names and reports no SQL statements', async () => {
    const body = await (await post(api, '{ viewr { id } organizaton(id: "x") { id } }')).json();
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) expect(error.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toMatch(/"viewer"|"organization"/);
    const ok = await (await post(api, '{ viewer { id } }')).json();
    expect(ok).toEqual({ data: { viewer: null } });
  });

  it('sends security headers on every response', async () => {
    const origin = new URL(api.url).origin;
    for (const res of [await post(api, '{ viewer { id } }'), await post(api, '{'), await fetch(`${origin}/healthz`), await fetch(`${origin}/readyz`)]) {
      expectSecurityHeaders(res);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
  });
});

describe('production with GRAPHQL_INTROSPECTION=true and GRAPHQL_PLAYGROUND=true', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_PLAYGROUND: 'true' });
  });
  afterAll(() => api.stop());

  it('answers introspection, yet still suggests no names', async () => {
    const body = await (await post(api, getIntrospectionQuery())).json();
    expect(body.data.__schema.queryType.name).toBe('Query');
    const wrong = await (await post(api, '{ viewr { id } }')).json();
    expect(wrong.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('serves the playground under a policy that allows exactly its inline scripts and this origin', async () => {
    const res = await fetch(api.url, { headers: BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(res);
    const policy = Object.fromEntries(
      res.headers
        .get('content-security-policy')!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    const html = await res.text();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(policy['script-src'].sort()).toEqual(scripts.sort());
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    // Nothing the page may load comes from another host: only 'self', data: and blob: (the editor's workers).
    for (const values of Object.values<string[]>(policy))
      for (const value of values) expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
  });
});
