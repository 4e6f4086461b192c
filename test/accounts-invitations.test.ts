import {
  AcceptInvitationDocument,
  DeclineInvitationDocument,
  InviteMemberDocument,
  InviteMembersDocument,
  OrganizationMailboxDocument,
  ResendInvitationDocument,
  UpdateOrganizationDocument,
  VerifyEmailDocument,
} from './generated/graphql';
import { registerUser, type Account } from './support/factories';
import { acceptToken, linkToken, REGISTRATION_SUBJECT, startMailSink, type MailSink } from './support/mail';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/** Accounts meet invitations and notifications (CONTRACT.md, Accounts): verified senders, squatters, the notification mailbox. */
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

let counter = 0;
const freshEmail = (tag = 'invitee') => `${tag}-${Date.now().toString(36)}-${++counter}@example.com`;
const VIEWER = `{ viewer { id name email emailVerified } }`;

/** Registers and follows the verification link, as a careful user does. */
async function verifiedUser(server = api): Promise<Account> {
  const account = await registerUser(server);
  const token = linkToken(await sink.nextTo(account.user.email, 10_000, REGISTRATION_SUBJECT), '/verify-email');
  dataOf(await server.exec(VerifyEmailDocument, { input: { token } }));
  return account;
}

const invite = (owner: Account, email: string, server = api) =>
  server.exec(InviteMemberDocument, { input: { organizationId: owner.organization.id, email, role: 'MEMBER' } }, owner.token);

async function invitationToken(owner: Account, email: string): Promise<string> {
  dataOf(await invite(owner, email));
  return acceptToken(await sink.nextTo(email));
}

const accept = (input: { token: string; name?: string; password?: string }, token?: string) => api.exec(AcceptInvitationDocument, { input }, token);

async function status(token: string): Promise<number> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: VIEWER }),
  });
  return response.status;
}

describe('invitations need a verified sender', () => {
  it('inviteMember, inviteMembers and resendInvitation are FORBIDDEN, saying so, until the email is verified', async () => {
    const owner = await registerUser(api);
    const email = freshEmail();
    const refused = await invite(owner, email);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/verify your email/i);
    const bulk = await api.exec(
      InviteMembersDocument,
      { input: { organizationId: owner.organization.id, invitations: [{ email, role: 'MEMBER' }] } },
      owner.token,
    );
    expect(errorCode(bulk)).toBe('FORBIDDEN');

    const token = linkToken(await sink.nextTo(owner.user.email, 10_000, REGISTRATION_SUBJECT), '/verify-email');
    dataOf(await api.exec(VerifyEmailDocument, { input: { token } }));
    const invitation = dataOf(await invite(owner, email)).inviteMember.invitation;
    await sink.nextTo(email);

    // The email changes back to unverified (as after a database restore): resending is refused too.
    await api.server.database.dataSource.query(`UPDATE users SET email_verified_at = NULL WHERE id = $1`, [owner.user.id]);
    expect(errorCode(await api.exec(ResendInvitationDocument, { input: { invitationId: invitation.id } }, owner.token))).toBe('FORBIDDEN');
  });

  it('with INVITES_REQUIRE_VERIFIED_EMAIL=false an unverified sender may invite', async () => {
    const open = await startTestServer({ SMTP_URL: sink.url, PUBLIC_URL, INVITES_REQUIRE_VERIFIED_EMAIL: 'false' });
    try {
      const owner = await registerUser(open);
      expect(dataOf(await open.exec(VIEWER, {}, owner.token)).viewer.emailVerified).toBe(false);
      expect(dataOf(await invite(owner, freshEmail(), open)).inviteMember.invitation.status).toBe('PENDING');
    } finally {
      await open.stop();
    }
  });
});

describe('an invitation beats a squatter', () => {
  it('accepting without a session takes over the unverified account: password replaced, sessions ended, email verified, new session', async () => {
    const owner = await verifiedUser();
    const email = freshEmail('squatted');
    const squatter = await registerUser(api, { email, name: 'Squatter', password: 'the squatter password' });
    const token = await invitationToken(owner, email);

    const noPassword = await accept({ token });
    expect(errorCode(noPassword)).toBe('BAD_USER_INPUT');
    expect(noPassword.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'password' })]);

    const accepted = dataOf(await accept({ token, name: 'Rightful Owner', password: PASSWORD })).acceptInvitation;
    expect(accepted.user).toEqual({ id: squatter.user.id, email, name: 'Rightful Owner' });
    expect(accepted.organization.id).toBe(owner.organization.id);
    expect(accepted.token).toEqual(expect.any(String));
    expect(await status(squatter.token)).toBe(401);
    expect(dataOf(await api.exec(VIEWER, {}, accepted.token)).viewer).toEqual({ id: squatter.user.id, name: 'Rightful Owner', email, emailVerified: true });

    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
    expect(errorCode(await api.exec(LOGIN, { input: { email, password: 'the squatter password' } }))).toBe('UNAUTHENTICATED');
    expect(dataOf(await api.exec(LOGIN, { input: { email, password: PASSWORD } })).login.token).toEqual(expect.any(String));
  });

  it('a verified account is not taken over: UNAUTHENTICATED (sign in first), and nothing changes', async () => {
    const owner = await verifiedUser();
    const holder = await verifiedUser();
    const token = await invitationToken(owner, holder.user.email);
    const refused = await accept({ token, name: 'Intruder', password: 'an intruder password' });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(await status(holder.token)).toBe(200);
    expect(dataOf(await api.exec(VIEWER, {}, holder.token)).viewer.name).toBe(holder.user.name);
    // Signed in, the holder accepts.
    expect(dataOf(await accept({ token }, holder.token)).acceptInvitation.token).toBeNull();
  });

  it('accepting with a session marks the email verified', async () => {
    const owner = await verifiedUser();
    const invitee = await registerUser(api);
    const token = await invitationToken(owner, invitee.user.email);
    expect(dataOf(await api.exec(VIEWER, {}, invitee.token)).viewer.emailVerified).toBe(false);
    dataOf(await accept({ token }, invitee.token));
    expect(dataOf(await api.exec(VIEWER, {}, invitee.token)).viewer.emailVerified).toBe(true);
  });
});

describe('the notification mailbox', () => {
  it('gets a confirmation link; until verifyEmail takes it, notifications go to the owners; then to the mailbox', async () => {
    const owner = await verifiedUser();
    const organizationId = owner.organization.id;
    const mailbox = freshEmail('mailbox');
    const update = (input: Record<string, unknown>) => api.exec(UpdateOrganizationDocument, { input: { organizationId, ...input } }, owner.token);
    const state = async () => dataOf(await api.exec(OrganizationMailboxDocument, { moniker: owner.organization.moniker }, owner.token)).organization!;

    expect(await state()).toEqual({ id: organizationId, notificationEmail: null, notificationEmailVerified: null });
    dataOf(await update({ notificationEmail: mailbox.toUpperCase() }));
    expect(await state()).toEqual({ id: organizationId, notificationEmail: mailbox, notificationEmailVerified: false });
    const link = await sink.nextTo(mailbox, 10_000, /notification mailbox/);
    expect(link.body).toContain(`${PUBLIC_URL}/verify-email?token=`);
    expect(link.body).toMatch(/until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const token = linkToken(link, '/verify-email');

    // Unconfirmed: a decline is told to the owner, not to the mailbox.
    const first = freshEmail();
    const declined = (invitation: string) => api.exec(DeclineInvitationDocument, { input: { token: invitation } });
    dataOf(await declined(await invitationToken(owner, first)));
    expect((await sink.nextTo(owner.user.email)).body).toContain(`${first} declined`);

    expect(dataOf(await api.exec(VerifyEmailDocument, { input: { token } })).verifyEmail).toEqual({ email: mailbox, kind: 'NOTIFICATION_MAILBOX' });
    expect((await state()).notificationEmailVerified).toBe(true);
    expect(errorCode(await api.exec(VerifyEmailDocument, { input: { token } }))).toBe('GONE');

    const second = freshEmail();
    dataOf(await declined(await invitationToken(owner, second)));
    expect((await sink.nextTo(mailbox)).body).toContain(`${second} declined`);
    expect(sink.messages.filter((m) => m.to.includes(owner.user.email) && m.body.includes(`${second} declined`))).toHaveLength(0);

    // A member without ORGANIZATION_SETTINGS_MANAGE sees neither.
    const memberEmail = freshEmail('member');
    const memberToken = (await accept({ token: await invitationToken(owner, memberEmail), name: 'Mem', password: PASSWORD })).data!.acceptInvitation
      .token as string;
    const hidden: GraphQLResponse<any> = await api.exec(OrganizationMailboxDocument, { moniker: owner.organization.moniker }, memberToken);
    expect(dataOf(hidden).organization).toEqual({ id: organizationId, notificationEmail: null, notificationEmailVerified: null });

    // Another address needs its own confirmation; the old link of a replaced address is GONE.
    const next = freshEmail('mailbox');
    dataOf(await update({ notificationEmail: next }));
    expect((await state()).notificationEmailVerified).toBe(false);
    const nextToken = linkToken(await sink.nextTo(next, 10_000, /notification mailbox/), '/verify-email');
    dataOf(await update({ notificationEmail: mailbox }));
    expect(errorCode(await api.exec(VerifyEmailDocument, { input: { token: nextToken } }))).toBe('GONE');
  });
});
