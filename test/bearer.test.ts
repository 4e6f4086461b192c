import { LogoutDocument } from './generated/graphql';
import { registerUser } from './support/factories';
import { dataOf, startTestServer, type TestServer } from './support/server';

/**
 * An Authorization header whose token is unknown, expired, revoked or malformed refuses the
 * whole request: HTTP 401, WWW-Authenticate: Bearer error="invalid_token", UNAUTHENTICATED.
 * No header at all is anonymous.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const VIEWER = '{ viewer { id } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';

async function send(authorization: string | null, query = VIEWER, variables: Record<string, unknown> = {}) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: await res.json() };
}

async function expectRefused(authorization: string, query = VIEWER, variables: Record<string, unknown> = {}) {
  const { status, challenge, body } = await send(authorization, query, variables);
  expect(status).toBe(401);
  expect(challenge).toBe('Bearer error="invalid_token"');
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
}

it('no Authorization header: anonymous, viewer null', async () => {
  const { status, challenge, body } = await send(null);
  expect(status).toBe(200);
  expect(challenge).toBeNull();
  expect(dataOf(body)).toEqual({ viewer: null });
});

it('an unknown token refuses the whole request, even one that needs no session', async () => {
  await expectRefused('Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expectRefused('Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', LOGIN, {
    input: { email: 'nobody@example.com', password: 'correct horse battery' },
  });
});

it('a malformed header refuses the request', async () => {
  for (const header of ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'token abc']) await expectRefused(header);
});

it('an expired token refuses the request', async () => {
  const ann = await registerUser(api);
  await api.server.database.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [ann.user.id]);
  await expectRefused(`Bearer ${ann.token}`);
});

it('a revoked token (after logout) refuses the request; the same user signed in elsewhere is served', async () => {
  const ann = await registerUser(api, { password: 'correct horse battery' });
  const other = dataOf(await api.exec(LOGIN, { input: { email: ann.user.email, password: 'correct horse battery' } })).login.token;
  dataOf(await api.exec(LogoutDocument, {}, ann.token));
  await expectRefused(`Bearer ${ann.token}`);
  expect(dataOf((await send(`Bearer ${other}`)).body)).toEqual({ viewer: { id: ann.user.id } });
  expect(dataOf((await send(`bearer ${other}`)).body)).toEqual({ viewer: { id: ann.user.id } });
});

it('refuses GET requests the same way', async () => {
  const url = new URL(api.url);
  url.searchParams.set('query', VIEWER);
  const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: 'Bearer nope' } });
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});
