import { InviteMemberDocument, LoginDocument, ResendInvitationDocument } from './generated/graphql';
import { registerUser } from './support/factories';
import { dataOf, errorCode, startServerOnSameDatabase, startTestServer, type TestServer } from './support/server';

/** Attempt budgets live in PostgreSQL (rate_limits), so every server process spends from the same one. */
let first: TestServer;
let second: TestServer | null = null;
beforeAll(async () => {
  first = await startTestServer({ RATE_LIMITS: 'on' });
  second = await startServerOnSameDatabase(first, { RATE_LIMITS: 'on' });
});
afterAll(async () => {
  await second?.stop();
  await first.stop();
});

const sql = (query: string, params: unknown[]) => first.server.database.dataSource.query(query, params);
const invite = (api: TestServer, organizationId: string, email: string, token: string) =>
  api.exec(InviteMemberDocument, { input: { organizationId, email, role: 'MEMBER' } }, token);

it('honours invitation emails another process already sent: a hundred an hour per organization, resends included', async () => {
  const ann = await registerUser(first);
  const bob = await registerUser(first);
  const pending = dataOf(await invite(first, ann.organization.id, 'first@example.com', ann.token)).inviteMember.invitation;
  // Another process spent the rest of the hour's budget but one.
  await sql(`UPDATE rate_limits SET points = 99 WHERE key = $1`, [`invitationsPerOrganization:${ann.organization.id}`]);

  dataOf(await invite(first, ann.organization.id, 'last@example.com', ann.token));
  const limited = await invite(first, ann.organization.id, 'one-too-many@example.com', ann.token);
  expect(errorCode(limited)).toBe('RATE_LIMITED');
  expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(3500);
  expect(errorCode(await first.exec(ResendInvitationDocument, { input: { invitationId: pending.id } }, ann.token))).toBe('RATE_LIMITED');
  const [row] = await sql(`SELECT count(*)::int AS n FROM invitations WHERE organization_id = $1`, [ann.organization.id]);
  expect(row.n).toBe(2);
  // Each organization has its own budget.
  dataOf(await invite(first, bob.organization.id, 'elsewhere@example.com', bob.token));
});

// Two servers cannot share the embedded PGlite (one process, one connection): this runs on DATABASE_URL, as in CI.
const onRealPostgres = process.env.DATABASE_URL ? it : it.skip;
if (!process.env.DATABASE_URL) console.warn('shared-rate-limits: two-server test skipped without DATABASE_URL; two servers cannot share the embedded PGlite');

onRealPostgres('counts failed logins on every server against one budget', async () => {
  const ann = await registerUser(first);
  const codes: unknown[] = [];
  for (let i = 0; i < 11; i += 1) {
    const api = i % 2 ? second! : first;
    codes.push(errorCode(await api.exec(LoginDocument, { input: { email: ann.user.email, password: `wrong password ${i}` } })));
  }
  // Ten per email and client address in all, not ten per server.
  expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
  expect(codes[10]).toBe('RATE_LIMITED');
});
