import {
  ChangeEmailDocument,
  ChangePasswordDocument,
  ConfirmEmailChangeDocument,
  LoginDocument,
  RequestEmailVerificationDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  RevokeSessionDocument,
  SessionsDocument,
  VerifyEmailDocument,
  ViewerAccountDocument,
} from './generated/graphql';
import { registerUser, type Account } from './support/factories';
import { addMember } from './support/members';
import { linkToken, REGISTRATION_SUBJECT, startMailSink, subjectOf, type MailSink } from './support/mail';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/** Accounts (CONTRACT.md, Accounts): verification, password reset, password and email changes, sessions; over HTTP, mail through SMTP. */
const PUBLIC_URL = 'https://app.example.test';
const PASSWORD = 'correct horse battery';
let api: TestServer;
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  api = await startTestServer({ SMTP_URL: sink.url, PUBLIC_URL, INVITES_REQUIRE_VERIFIED_EMAIL: 'true' });
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

const sql = (query: string, params: unknown[] = []) => api.server.database.dataSource.query(query, params);
let counter = 0;
const freshEmail = (tag = 'acct') => `${tag}-${Date.now().toString(36)}-${++counter}@example.com`;

/** A POST with a User-Agent of our choosing; the HTTP status comes along. */
async function post(
  query: string,
  variables: Record<string, unknown>,
  token?: string | null,
  userAgent = 'accounts-test',
): Promise<GraphQLResponse<any> & { status: number }> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await response.json()) as GraphQLResponse<any>), status: response.status };
}

const VIEWER = `{ viewer { id email emailVerified } }`;
const viewerOf = async (token: string) => dataOf(await api.exec(VIEWER, {}, token)).viewer;
const verify = (token: string) => api.exec(VerifyEmailDocument, { input: { token } });
const requestReset = (email: string) => api.exec(RequestPasswordResetDocument, { input: { email } });
const login = (email: string, password: string, userAgent?: string) =>
  post(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password } }, null, userAgent);

/** The registration's verification link. */
async function registrationLink(account: Account): Promise<string> {
  const mail = await sink.nextTo(account.user.email, 10_000, REGISTRATION_SUBJECT);
  return linkToken(mail, '/verify-email');
}

describe('email verification', () => {
  it('register mails a 24-hour link; verifyEmail (no session) verifies once; emailVerified follows', async () => {
    const ann = await registerUser(api);
    const mail = await sink.nextTo(ann.user.email, 10_000, REGISTRATION_SUBJECT);
    expect(mail.body).toContain(`${PUBLIC_URL}/verify-email?token=`);
    expect(mail.body).toMatch(/until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(mail.body).toContain('text/html');
    const token = linkToken(mail, '/verify-email');
    expect(dataOf(await api.exec(ViewerAccountDocument, {}, ann.token)).viewer).toEqual({ id: ann.user.id, email: ann.user.email, emailVerified: false });

    expect(dataOf(await verify(token)).verifyEmail).toEqual({ email: ann.user.email, kind: 'ACCOUNT' });
    expect((await viewerOf(ann.token)).emailVerified).toBe(true);
    expect(errorCode(await verify(token))).toBe('GONE');
    // Nothing left to verify: no mail is sent.
    expect(dataOf(await api.exec(RequestEmailVerificationDocument, {}, ann.token)).requestEmailVerification).toEqual({ sent: false });
    // Only the hash is kept; the row is gone once used.
    expect(await sql(`SELECT 1 FROM account_tokens WHERE user_id = $1`, [ann.user.id])).toHaveLength(0);
  });

  it('a newer link makes the older one GONE; an expired one is GONE; requestEmailVerification needs a session', async () => {
    const bob = await registerUser(api);
    const first = await registrationLink(bob);
    expect(dataOf(await api.exec(RequestEmailVerificationDocument, {}, bob.token)).requestEmailVerification).toEqual({ sent: true });
    const second = linkToken(await sink.nextTo(bob.user.email, 10_000, REGISTRATION_SUBJECT), '/verify-email');
    expect(second).not.toBe(first);
    expect(errorCode(await verify(first))).toBe('GONE');

    await sql(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [bob.user.id]);
    expect(errorCode(await verify(second))).toBe('GONE');
    expect((await viewerOf(bob.token)).emailVerified).toBe(false);

    expect(errorCode(await api.exec(RequestEmailVerificationDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await verify('not-a-token'))).toBe('GONE');
  });

  it('emailVerified is null wherever email is hidden', async () => {
    const owner = await registerUser(api);
    const member = await registerUser(api);
    await addMember(api, owner.organization.id, member.user.id, 'MEMBER');
    const MEMBERS = `query($id: ID!) { organization(id: $id) { members(first: 10) { edges { node { user { id email emailVerified } } } } } }`;
    const seen = async (token: string) =>
      dataOf(await api.exec(MEMBERS, { id: owner.organization.id }, token)).organization.members.edges.map((e: any) => e.node.user);
    // The owner holds MEMBERS_MANAGE: emails and their state.
    expect(await seen(owner.token)).toContainEqual({ id: member.user.id, email: member.user.email, emailVerified: false });
    // A MEMBER sees neither of the owner's, only their own.
    expect(await seen(member.token)).toContainEqual({ id: owner.user.id, email: null, emailVerified: null });
    expect(await seen(member.token)).toContainEqual({ id: member.user.id, email: member.user.email, emailVerified: false });
  });

  it('racing uses of one link: one success, the rest GONE', async () => {
    const cat = await registerUser(api);
    const token = await registrationLink(cat);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => verify(token)));
    expect(outcomes.filter((r) => !r.errors).map((r) => r.data!.verifyEmail)).toEqual([{ email: cat.user.email, kind: 'ACCOUNT' }]);
    expect(outcomes.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('GONE'));
  });
});

describe('password reset', () => {
  const mailJobs = async () =>
    Number((await sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail' AND data->>'kind' = 'account.link'`))[0].n as number);

  it('answers alike for known and unknown emails, doing the same work (one mail job each); only a known one gets mail', async () => {
    const dan = await registerUser(api);
    const unknown = freshEmail('nobody');
    const before = await mailJobs();
    const known = await requestReset(dan.user.email.toUpperCase());
    const afterKnown = await mailJobs();
    const stranger = await requestReset(unknown);
    const afterUnknown = await mailJobs();
    expect(known).toEqual(stranger);
    expect(known).toEqual({ data: { requestPasswordReset: { accepted: true } }, extensions: expect.any(Object) });
    expect([afterKnown - before, afterUnknown - afterKnown]).toEqual([1, 1]);
    expect(known.extensions?.sqlStatements).toBe(stranger.extensions?.sqlStatements);

    const mail = await sink.nextTo(dan.user.email, 10_000, /Reset your Orgraph password/);
    expect(mail.body).toContain(`${PUBLIC_URL}/reset-password?token=`);
    expect(mail.body).toMatch(/until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // The unknown address's job ran and sent nothing.
    await expect(sink.nextTo(unknown, 1500, /.*/)).rejects.toThrow(/no mail/);
  });

  it('sets the password, verifies the email, ends every session and returns a new one; single use; 1 hour', async () => {
    const eve = await registerUser(api);
    const second = dataOf(await login(eve.user.email, PASSWORD)).login.token as string;
    dataOf(await requestReset(eve.user.email));
    const token = linkToken(await sink.nextTo(eve.user.email, 10_000, /Reset your Orgraph password/), '/reset-password');
    const expiresIn = await sql(
      `SELECT extract(epoch FROM expires_at - now())::int AS s FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset'`,
      [eve.user.id],
    );
    expect(expiresIn[0].s).toBeGreaterThan(3500);
    expect(expiresIn[0].s).toBeLessThanOrEqual(3600);

    const reset = dataOf(await api.exec(ResetPasswordDocument, { input: { token, password: 'a brand new password' } })).resetPassword;
    expect(reset.user).toEqual({ id: eve.user.id, email: eve.user.email, emailVerified: true });
    for (const old of [eve.token, second]) {
      const refused = await post(VIEWER, {}, old);
      expect([refused.status, errorCode(refused)]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect((await viewerOf(reset.token)).id).toBe(eve.user.id);
    expect(errorCode(await login(eve.user.email, PASSWORD))).toBe('UNAUTHENTICATED');
    expect(dataOf(await login(eve.user.email, 'a brand new password')).login.token).toEqual(expect.any(String));
    expect(errorCode(await api.exec(ResetPasswordDocument, { input: { token, password: 'yet another password' } }))).toBe('GONE');
  });

  it('a newer request makes older links GONE; a short password is BAD_USER_INPUT', async () => {
    const fay = await registerUser(api);
    dataOf(await requestReset(fay.user.email));
    const first = linkToken(await sink.nextTo(fay.user.email, 10_000, /Reset your Orgraph password/), '/reset-password');
    dataOf(await requestReset(fay.user.email));
    const second = linkToken(await sink.nextTo(fay.user.email, 10_000, /Reset your Orgraph password/), '/reset-password');
    expect(errorCode(await api.exec(ResetPasswordDocument, { input: { token: first, password: 'a brand new password' } }))).toBe('GONE');
    const short = await api.exec(ResetPasswordDocument, { input: { token: second, password: 'short' } });
    expect(short.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    dataOf(await api.exec(ResetPasswordDocument, { input: { token: second, password: 'a brand new password' } }));
  });
});

describe('changing the password', () => {
  it('needs the current one (BAD_USER_INPUT on currentPassword), ends the other sessions, keeps this one, mails a notice', async () => {
    const gus = await registerUser(api);
    const other = dataOf(await login(gus.user.email, PASSWORD)).login.token as string;
    const CHANGE = (currentPassword: string, newPassword: string) => api.exec(ChangePasswordDocument, { input: { currentPassword, newPassword } }, gus.token);

    const wrong = await CHANGE('not my password', 'a brand new password');
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect((await post(VIEWER, {}, other)).status).toBe(200);

    expect(dataOf(await CHANGE(PASSWORD, 'a brand new password')).changePassword).toEqual({ user: { id: gus.user.id } });
    expect((await post(VIEWER, {}, other)).status).toBe(401);
    expect((await viewerOf(gus.token)).id).toBe(gus.user.id);
    const notice = await sink.nextTo(gus.user.email, 10_000, /password was changed/);
    expect(notice.body).toContain('every other session of the account ended');
    dataOf(await login(gus.user.email, 'a brand new password'));
    expect(errorCode(await api.exec(ChangePasswordDocument, { input: { currentPassword: PASSWORD, newPassword: 'x'.repeat(12) } }))).toBe('UNAUTHENTICATED');
  });
});

describe('changing the email', () => {
  it('needs the current password; a taken address is CONFLICT; the new address confirms, the old one hears of it', async () => {
    const hal = await registerUser(api);
    const taken = await registerUser(api);
    const newEmail = freshEmail('new');
    const CHANGE = (input: { newEmail: string; currentPassword?: string }) =>
      api.exec(ChangeEmailDocument, { input: { currentPassword: PASSWORD, ...input } }, hal.token);

    const wrong = await CHANGE({ newEmail, currentPassword: 'not my password' });
    expect(wrong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect(errorCode(await CHANGE({ newEmail: taken.user.email.toUpperCase() }))).toBe('CONFLICT');

    expect(dataOf(await CHANGE({ newEmail: newEmail.toUpperCase() })).changeEmail).toEqual({ pendingEmail: newEmail });
    const notice = await sink.nextTo(hal.user.email, 10_000, /change of your Orgraph email address/);
    expect(notice.body).toContain(newEmail);
    const link = await sink.nextTo(newEmail, 10_000, /Confirm your new email address/);
    expect(link.body).toContain(`${PUBLIC_URL}/confirm-email?token=`);
    expect(link.body).toMatch(/until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const token = linkToken(link, '/confirm-email');
    // Nothing changes until the link is used.
    expect((await viewerOf(hal.token)).email).toBe(hal.user.email);

    expect(dataOf(await api.exec(ConfirmEmailChangeDocument, { input: { token } })).confirmEmailChange).toEqual({ email: newEmail });
    expect(await viewerOf(hal.token)).toEqual({ id: hal.user.id, email: newEmail, emailVerified: true });
    dataOf(await login(newEmail, PASSWORD));
    expect(errorCode(await login(hal.user.email, PASSWORD))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(ConfirmEmailChangeDocument, { input: { token } }))).toBe('GONE');
  });

  it('an address taken between the request and the confirmation is CONFLICT at confirmation (the unique index)', async () => {
    const ida = await registerUser(api);
    const wanted = freshEmail('wanted');
    dataOf(await api.exec(ChangeEmailDocument, { input: { newEmail: wanted, currentPassword: PASSWORD } }, ida.token));
    const token = linkToken(await sink.nextTo(wanted, 10_000, /Confirm your new email address/), '/confirm-email');
    await registerUser(api, { email: wanted });
    expect(errorCode(await api.exec(ConfirmEmailChangeDocument, { input: { token } }))).toBe('CONFLICT');
    expect((await viewerOf(ida.token)).email).toBe(ida.user.email);
  });
});

describe('sessions', () => {
  it('lists live sessions newest first with the current one marked and their user agent; revokeSession ends one; another user’s is NOT_FOUND', async () => {
    const email = freshEmail('sessions');
    const registered = await post(
      `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      { input: { email, name: 'Sid', password: PASSWORD } },
      null,
      'Browser/1.0',
    );
    const first = dataOf(registered).register.token as string;
    const second = dataOf(await login(email, PASSWORD, 'Phone/2.0')).login.token as string;
    const list = async (token: string) => dataOf(await api.exec(SessionsDocument, {}, token)).viewer!.sessions!;

    const sessions = await list(second);
    expect(sessions.totalCount).toBe(2);
    expect(sessions.nodes.map((s: any) => [s.userAgent, s.current])).toEqual([
      ['Phone/2.0', true],
      ['Browser/1.0', false],
    ]);
    for (const s of sessions.nodes) expect(new Date(s.lastUsedAt).getTime()).toBeGreaterThanOrEqual(new Date(s.createdAt).getTime() - 1000);
    const page = dataOf(await api.exec(SessionsDocument, { first: 1 }, second)).viewer!.sessions!;
    expect([page.nodes.length, page.pageInfo.hasNextPage]).toEqual([1, true]);

    const stranger = await registerUser(api);
    const foreign = await api.exec(RevokeSessionDocument, { input: { sessionId: sessions.nodes[1].id } }, stranger.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(RevokeSessionDocument, { input: { sessionId: 'nope' } }, second))).toBe('NOT_FOUND');
    expect((await post(VIEWER, {}, first)).status).toBe(200);

    expect(dataOf(await api.exec(RevokeSessionDocument, { input: { sessionId: sessions.nodes[1].id } }, second)).revokeSession).toEqual({ revoked: true });
    expect((await post(VIEWER, {}, first)).status).toBe(401);
    expect((await list(second)).nodes.map((s: any) => s.current)).toEqual([true]);
    expect(errorCode(await api.exec(SessionsDocument, {}))).toBeUndefined();
    expect(dataOf(await api.exec(SessionsDocument, {})).viewer).toBeNull();
  });

  it('lastUsedAt moves with use, at most once a minute, within the session lookup (no extra statement)', async () => {
    const kim = await registerUser(api);
    const lastUsed = async () =>
      new Date((await sql(`SELECT last_used_at FROM sessions WHERE user_id = $1`, [kim.user.id]))[0].last_used_at as string).getTime();
    const first = await api.exec(VIEWER, {}, kim.token);
    const recent = await lastUsed();
    const again = await api.exec(VIEWER, {}, kim.token);
    expect(await lastUsed()).toBe(recent);
    await sql(`UPDATE sessions SET last_used_at = now() - interval '5 minutes' WHERE user_id = $1`, [kim.user.id]);
    const old = await lastUsed();
    const touched = await api.exec(VIEWER, {}, kim.token);
    expect(await lastUsed()).toBeGreaterThan(old + 4 * 60_000);
    expect(new Set([first, again, touched].map((r) => r.extensions?.sqlStatements)).size).toBe(1);
  });
});

describe('budgets', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      SMTP_URL: sink.url,
      RATE_LIMITS: 'on',
      RATE_LIMIT_PASSWORD_RESET_PER_EMAIL: '2/1h',
      RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS: '5/1h',
      RATE_LIMIT_EMAIL_VERIFICATION_PER_EMAIL: '1/1h',
      RATE_LIMIT_LOGIN_PER_EMAIL_AND_ADDRESS: '2/15m',
    });
  });
  afterAll(() => limited.stop());

  it('requestPasswordReset per email (known or not) and per address; requestEmailVerification per email; a wrong currentPassword is a failed login', async () => {
    const reset = (email: string) => limited.exec(RequestPasswordResetDocument, { input: { email } });
    const known = await registerUser(limited);
    const unknown = freshEmail('limited');
    for (const email of [known.user.email, unknown]) {
      dataOf(await reset(email));
      dataOf(await reset(email));
      const refused = await reset(email);
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Five spent from this address: a sixth email is refused too.
    expect(errorCode(await reset(freshEmail('other')))).toBe('RATE_LIMITED');

    dataOf(await limited.exec(RequestEmailVerificationDocument, {}, known.token));
    expect(errorCode(await limited.exec(RequestEmailVerificationDocument, {}, known.token))).toBe('RATE_LIMITED');

    const change = () =>
      limited.exec(ChangePasswordDocument, { input: { currentPassword: 'not my password', newPassword: 'a brand new password' } }, known.token);
    expect(errorCode(await change())).toBe('BAD_USER_INPUT');
    expect(errorCode(await change())).toBe('BAD_USER_INPUT');
    expect(errorCode(await change())).toBe('RATE_LIMITED');
    expect(errorCode(await limited.exec(LoginDocument, { input: { email: known.user.email, password: PASSWORD } }))).toBe('RATE_LIMITED');
  });
});

it('every account mail has a text and an HTML part', async () => {
  const all = sink.messages.filter((m) => /Orgraph|notification mailbox/.test(subjectOf(m)));
  expect(all.length).toBeGreaterThan(5);
  for (const m of all) expect(m.body).toMatch(/text\/plain[\s\S]*text\/html/);
});
