import { createHash, randomBytes } from 'node:crypto';
import { createOrganization, registerUser } from './support/factories';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { token user { id email name } organization { id moniker name region viewerRole } }
}`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { id email name } organization { id moniker } } }`;
const LOGOUT = `mutation($input: LogoutInput) { logout(input: $input) { loggedOut } }`;
const VIEWER = `{ viewer { id email name activeOrganization { id } } }`;
const SWITCH = `mutation($input: SwitchOrganizationInput!) { switchOrganization(input: $input) { viewer { id activeOrganization { id } } } }`;

const PASSWORD = 'correct horse battery';
const unique = () => randomBytes(4).toString('hex');
const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => api.server.database.dataSource.query(query, params);
const register = (input: Record<string, unknown>) =>
  api.exec(REGISTER, { input: { email: `u-${unique()}@example.com`, name: 'Reg User', password: PASSWORD, ...input } });
const fieldsOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.fields?.map((f) => f.field);

describe('register', () => {
  it('stores the email lowercase and refuses it again in any case with CONFLICT', async () => {
    const email = `Mixed.${unique()}@Example.COM`;
    const first = dataOf(await register({ email })).register;
    expect(first.user.email).toBe(email.toLowerCase());
    const [row] = await sql(`SELECT email FROM users WHERE id = $1`, [first.user.id]);
    expect(row.email).toBe(email.toLowerCase());

    for (const again of [email, email.toLowerCase(), email.toUpperCase()]) {
      const res = await register({ email: again });
      expect(errorCode(res)).toBe('CONFLICT');
    }
    expect(await sql(`SELECT 1 FROM users WHERE email = $1`, [email.toLowerCase()])).toHaveLength(1);
  });

  it.each([
    ['a password under 10 characters', { password: 'short-pw1' }, 'password'],
    ['a password over 256 characters', { password: 'x'.repeat(257) }, 'password'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['an empty name', { name: '' }, 'name'],
    ['a whitespace name', { name: '   ' }, 'name'],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, input, field) => {
    const res = await register(input);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual([field]);
    expect(res.data?.register ?? null).toBeNull();
  });

  it('accepts passwords of exactly 10 and 256 characters', async () => {
    dataOf(await register({ password: 'p'.repeat(10) }));
    dataOf(await register({ password: 'p'.repeat(256) }));
  });

  it(`names the first organization "<name>'s organization" in the default region EU1, with the user as OWNER`, async () => {
    const { register: payload } = dataOf(await register({ name: '  Zoe Quinn ' }));
    expect(payload.user.name).toBe('Zoe Quinn');
    expect(payload.organization).toMatchObject({ name: "Zoe Quinn's organization", region: 'EU1', viewerRole: 'OWNER' });
    expect(payload.organization.moniker).toMatch(/^zoe-quinns-organization(-\d+)?$/);
  });

  it('uses the given organization name and region', async () => {
    const { register: payload } = dataOf(await register({ organizationName: 'Umbrella Labs', region: 'US2' }));
    expect(payload.organization).toMatchObject({ name: 'Umbrella Labs', region: 'US2' });
  });

  it('refuses an unknown region as a GraphQL input error', async () => {
    const res = await register({ region: 'MARS1' });
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.register ?? null).toBeNull();
  });
});

describe('login', () => {
  it('signs in with the right password, in any email case, and returns the active organization', async () => {
    const ann = await registerUser(api, { password: PASSWORD });
    const second = await createOrganization(api, ann.token);
    const res = dataOf(await api.exec(LOGIN, { input: { email: ann.user.email.toUpperCase(), password: PASSWORD } })).login;
    expect(res.user.id).toBe(ann.user.id);
    expect(res.organization.id).toBe(second.id);
    expect(res.token).not.toBe(ann.token);

    dataOf(await api.exec(SWITCH, { input: { organizationId: ann.organization.id } }, res.token));
    const again = dataOf(await api.exec(LOGIN, { input: { email: ann.user.email, password: PASSWORD } })).login;
    expect(again.organization.id).toBe(ann.organization.id);
  });

  it('answers a wrong password and an unknown email alike: UNAUTHENTICATED, same message', async () => {
    const ann = await registerUser(api);
    const wrong = await api.exec(LOGIN, { input: { email: ann.user.email, password: 'wrong password!' } });
    const unknown = await api.exec(LOGIN, { input: { email: `nobody-${unique()}@example.com`, password: PASSWORD } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(wrong.data?.login ?? null).toBeNull();
  });
});

describe('sessions', () => {
  const login = async (email: string) => dataOf(await api.exec(LOGIN, { input: { email, password: PASSWORD } })).login.token as string;

  it('logout ends only this session', async () => {
    const ann = await registerUser(api, { password: PASSWORD });
    const other = await login(ann.user.email);
    expect(dataOf(await api.exec(LOGOUT, {}, ann.token)).logout.loggedOut).toBe(true);

    expect(errorCode(await api.exec(VIEWER, {}, ann.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(LOGOUT, {}, ann.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(SWITCH, { input: { organizationId: ann.organization.id } }, ann.token))).toBe('UNAUTHENTICATED');
    expect(dataOf(await api.exec(VIEWER, {}, other)).viewer.id).toBe(ann.user.id);
  });

  it('logout with allSessions ends every session of the user, and no one else’s', async () => {
    const ann = await registerUser(api, { password: PASSWORD });
    const bob = await registerUser(api);
    const tokens = [ann.token, await login(ann.user.email), await login(ann.user.email)];
    dataOf(await api.exec(LOGOUT, { input: { allSessions: true } }, tokens[1]));
    for (const token of tokens) {
      expect(errorCode(await api.exec(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
      const create = await api.exec(`mutation { createOrganization(input: { name: "X", region: EU1 }) { organization { id } } }`, {}, token);
      expect(errorCode(create)).toBe('UNAUTHENTICATED');
    }
    expect(await sql(`SELECT 1 FROM sessions WHERE user_id = $1`, [ann.user.id])).toHaveLength(0);
    expect(dataOf(await api.exec(VIEWER, {}, bob.token)).viewer.id).toBe(bob.user.id);
  });

  it('issues opaque tokens of at least 256 bits and stores only their SHA-256', async () => {
    const ann = await registerUser(api, { password: PASSWORD });
    const second = await login(ann.user.email);
    for (const token of [ann.token, second]) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(token).not.toContain(ann.user.id);
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    }
    expect(second).not.toBe(ann.token);
    const rows = await sql<{ token_hash: Buffer }>(`SELECT token_hash FROM sessions WHERE user_id = $1`, [ann.user.id]);
    expect(rows).toHaveLength(2);
    const stored = rows.map((r) => Buffer.from(r.token_hash).toString('hex')).sort();
    const expected = [ann.token, second].map((t) => createHash('sha256').update(t).digest('hex')).sort();
    expect(stored).toEqual(expected);
    // The raw token appears nowhere in the sessions table, in any column.
    const [dump] = await sql<{ text: string }>(`SELECT string_agg(s::text, ' ') AS text FROM sessions s WHERE user_id = $1`, [ann.user.id]);
    for (const token of [ann.token, second]) expect(dump.text).not.toContain(token);
    expect(dump.text).not.toContain(Buffer.from(ann.token).toString('hex'));
  });

  it('stores passwords as argon2id with m=19456, t=2, p=1', async () => {
    const ann = await registerUser(api, { password: PASSWORD });
    const [row] = await sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [ann.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('ends an expired session: its token is UNAUTHENTICATED', async () => {
    const ann = await registerUser(api);
    await sql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [ann.user.id]);
    expect(errorCode(await api.exec(VIEWER, {}, ann.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(LOGOUT, {}, ann.token))).toBe('UNAUTHENTICATED');
  });

  it('finds the session behind a token with one SQL statement', async () => {
    const ann = await registerUser(api);
    expect((await api.exec(`{ __typename }`)).extensions?.sqlStatements).toBe(0);
    expect((await api.exec(`{ __typename }`, {}, ann.token)).extensions?.sqlStatements).toBe(1);
  });

  it('reads viewer as null without a token, and refuses an unknown one', async () => {
    expect(dataOf(await api.exec(VIEWER)).viewer).toBeNull();
    expect(errorCode(await api.exec(VIEWER, {}, randomBytes(32).toString('base64url')))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(LOGOUT))).toBe('UNAUTHENTICATED');
  });
});
