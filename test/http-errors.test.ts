import { startTestServer, type TestServer } from './support/server';

/**
 * Every response of /graphql is a GraphQL JSON error with a code, refusals of the HTTP layer
 * included (BAD_REQUEST), never Express's HTML page or a stack trace, in every mode.
 */
describe.each(['development', 'production'])('refusals of the HTTP layer (NODE_ENV=%s)', (nodeEnv) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: nodeEnv });
  });
  afterAll(() => api.stop());

  async function expectBadRequest(init: RequestInit, status: number, message: RegExp) {
    const res = await fetch(api.url, init);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const text = await res.text();
    for (const leak of ['<html', '<pre>', '    at ', 'node_modules', '/work/', 'stacktrace']) expect(text).not.toContain(leak);
    const body = JSON.parse(text);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(message);
  }
  const json = { 'content-type': 'application/json' };

  it('malformed JSON', async () => {
    await expectBadRequest({ method: 'POST', headers: json, body: '{"query": "{ viewer { id } }"' }, 400, /not valid JSON/);
    await expectBadRequest({ method: 'POST', headers: json, body: '"{ viewer { id } }"' }, 400, /not valid JSON/);
  });

  it('an oversized body', async () => {
    await expectBadRequest(
      { method: 'POST', headers: json, body: JSON.stringify({ query: `{ viewer { id } }`, padding: 'x'.repeat(200_000) }) },
      413,
      /100 KB/,
    );
  });

  it('an unsupported body: another content type or charset', async () => {
    const preflight = { 'apollo-require-preflight': 'true' };
    await expectBadRequest({ method: 'POST', headers: { ...preflight, 'content-type': 'text/plain' }, body: '{ viewer { id } }' }, 415, /must be JSON/);
    await expectBadRequest(
      { method: 'POST', headers: { ...preflight, 'content-type': 'application/graphql' }, body: '{ viewer { id } }' },
      415,
      /must be JSON/,
    );
    await expectBadRequest(
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20viewer%20%7B%20id%20%7D%20%7D' },
      415,
      /must be JSON/,
    );
    await expectBadRequest({ method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' }, 415, /charset/);
  });

  it('a subscription', async () => {
    await expectBadRequest(
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query: 'subscription { organizationEvents(organizationId: "00000000-0000-4000-8000-000000000000") { id } }' }),
      },
      400,
      /Subscriptions are not served/,
    );
  });

  it('a persisted query whose hash does not match', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } };
    await expectBadRequest({ method: 'POST', headers: json, body: JSON.stringify({ query: '{ viewer { id } }', extensions }) }, 400, /does not match/);
  });

  it('a method other than GET and POST', async () => {
    await expectBadRequest({ method: 'PUT', headers: json, body: JSON.stringify({ query: '{ viewer { id } }' }) }, 405, /GET\/POST/);
  });
});
