import { registerUser, type Account } from './support/factories';
import { acceptToken, startMailSink, type MailSink } from './support/mail';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

const PUBLIC_URL = 'https://app.example.test';
let api: TestServer;
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  api = await startTestServer({ SMTP_URL: sink.url, PUBLIC_URL });
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

// The contract's documents (shared/api/operations/invitations.graphql).
const INVITE = `mutation InviteMember($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    invitation {
      id email name role status note expiresAt sentCount lastSentAt createdAt
      teams { id name }
      invitedBy { id name }
    }
  }
}`;
const LIST = `query OrganizationInvitations($moniker: String!, $status: InvitationStatus, $first: Int, $after: String) {
  organization(moniker: $moniker) {
    invitations(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id email name role status expiresAt sentCount lastSentAt } }
    }
  }
}`;
const RESEND = `mutation ResendInvitation($input: ResendInvitationInput!) { resendInvitation(input: $input) { invitation { id status expiresAt sentCount lastSentAt } } }`;
const REVOKE = `mutation RevokeInvitation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id status } } }`;
const PREVIEW = `query InvitationPreview($token: String!) {
  invitationPreview(token: $token) { email name role status expiresAt note organization { name moniker } invitedBy { name } }
}`;
const ACCEPT = `mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { token user { id email name } organization { id moniker viewerRole } }
}`;
const DECLINE = `mutation DeclineInvitation($input: DeclineInvitationInput!) { declineInvitation(input: $input) { invitation { id status } } }`;
const VIEWER = `{ viewer { id activeOrganization { id } } }`;

const PASSWORD = 'a long enough password';
let counter = 0;
const freshEmail = () => `invitee-${Date.now().toString(36)}-${++counter}@example.com`;
const sql = (query: string, params: unknown[] = []) => api.server.database.dataSource.query(query, params);

async function invite(owner: Account, input: Record<string, unknown>) {
  return api.exec(INVITE, { input: { organizationId: owner.organization.id, role: 'MEMBER', ...input } }, owner.token);
}

/** Invites `email` and returns the invitation and the token from the email it receives. */
async function invited(owner: Account, email = freshEmail(), input: Record<string, unknown> = {}) {
  const invitation = dataOf(await invite(owner, { email, ...input })).inviteMember.invitation;
  const token = acceptToken(await sink.nextTo(email));
  return { invitation, token, email };
}

const accept = (input: Record<string, unknown>, token?: string) => api.exec(ACCEPT, { input }, token);
const statusOf = async (id: string) => (await sql(`SELECT status FROM invitations WHERE id = $1`, [id]))[0].status;

describe('invitations', () => {
  it('emails a link; preview; accepting creates the account, and the token works once', async () => {
    const ann = await registerUser(api, { name: 'Ann Owner', organizationName: 'Ann & Co' });
    const email = freshEmail();
    const res = await invite(ann, { email: email.toUpperCase(), name: 'New Person', note: '<b>Welcome</b> & hi', expiresInDays: 3 });
    const invitation = dataOf(res).inviteMember.invitation;
    expect(invitation).toMatchObject({ email, name: 'New Person', role: 'MEMBER', status: 'PENDING', sentCount: 1, note: '<b>Welcome</b> & hi' });
    expect(invitation.teams).toEqual([expect.objectContaining({ name: 'My team' })]);
    expect(invitation.invitedBy).toEqual({ id: ann.user.id, name: 'Ann Owner' });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);

    const mail = await sink.nextTo(email);
    const token = acceptToken(mail);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 random bits, base64url
    expect(mail.body).toContain(`${PUBLIC_URL}/invitations/accept?token=${token}`);
    expect(mail.body).toContain('Ann Owner invited you to join the organization Ann & Co.');
    expect(mail.body).toContain('&lt;b&gt;Welcome&lt;/b&gt; &amp; hi'); // escaped in the HTML part
    expect(mail.body).toContain('<b>Welcome</b> & hi'); // as written in the text part
    expect(mail.body).toContain(invitation.expiresAt.slice(0, 10));

    const preview = dataOf(await api.exec(PREVIEW, { token })).invitationPreview;
    expect(preview).toEqual({
      email,
      name: 'New Person',
      role: 'MEMBER',
      status: 'PENDING',
      expiresAt: invitation.expiresAt,
      note: '<b>Welcome</b> & hi',
      organization: { name: 'Ann & Co', moniker: ann.organization.moniker },
      invitedBy: { name: 'Ann Owner' },
    });
    expect(dataOf(await api.exec(PREVIEW, { token: 'no-such-token' })).invitationPreview).toBeNull();

    const incomplete = await accept({ token });
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
    expect(incomplete.errors![0].extensions!.fields!.map((f) => f.field).sort()).toEqual(['name', 'password']);
    expect(await statusOf(invitation.id)).toBe('PENDING'); // the claim rolled back

    const accepted = dataOf(await accept({ token, name: 'New Person', password: PASSWORD })).acceptInvitation;
    expect(accepted.token).toEqual(expect.any(String));
    expect(accepted.user).toMatchObject({ email, name: 'New Person' });
    expect(accepted.organization).toEqual({ id: ann.organization.id, moniker: ann.organization.moniker, viewerRole: 'MEMBER' });
    expect(dataOf(await api.exec(VIEWER, {}, accepted.token)).viewer).toEqual({ id: accepted.user.id, activeOrganization: { id: ann.organization.id } });
    const [user] = await sql(`SELECT email_verified_at FROM users WHERE id = $1`, [accepted.user.id]);
    expect(user.email_verified_at).not.toBeNull();
    const teams = await sql(`SELECT t.name, tm.role FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = $1`, [accepted.user.id]);
    expect(teams).toEqual([{ name: 'My team', role: 'TEAM_MEMBER' }]);

    expect(errorCode(await accept({ token, name: 'Again', password: PASSWORD }))).toBe('GONE');
    expect(dataOf(await api.exec(PREVIEW, { token })).invitationPreview.status).toBe('ACCEPTED');
    expect((await sink.nextTo(ann.user.email)).body).toContain(`New Person (${email}) accepted the invitation`);
    const actions = (await sql(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at`, [invitation.id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(['member.invited', 'invitation.accepted']);
  });

  it('stores no raw token anywhere in the database, mail jobs included', async () => {
    const ann = await registerUser(api);
    const { token } = await invited(ann);
    const tables: Array<{ name: string }> = await sql(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['public.invitations', 'public.audit_events', 'pgboss.job']));
    for (const { name } of tables) {
      const rows: Array<{ row: string }> = await sql(`SELECT t::text AS row FROM ${name} t`);
      expect(rows.filter((r) => r.row.includes(token))).toEqual([]);
    }
  });

  it('with a session, only the invited email may accept; an existing (verified) account must sign in', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const eve = await registerUser(api);
    // Verified: an unverified account would be taken over instead (test/accounts-invitations.test.ts).
    await sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [bob.user.id]);
    const { invitation, token } = await invited(ann, bob.user.email.toUpperCase());
    expect(errorCode(await accept({ token }, eve.token))).toBe('FORBIDDEN');
    expect(errorCode(await accept({ token, name: 'Bob', password: PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(await statusOf(invitation.id)).toBe('PENDING');

    const accepted = dataOf(await accept({ token }, bob.token)).acceptInvitation;
    expect(accepted).toEqual({
      token: null,
      user: expect.objectContaining({ id: bob.user.id }),
      organization: expect.objectContaining({ viewerRole: 'MEMBER' }),
    });
    // Bob keeps his active organization.
    expect(dataOf(await api.exec(VIEWER, {}, bob.token)).viewer.activeOrganization).toEqual({ id: bob.organization.id });
  });

  it('racing accepts of one token make exactly one member', async () => {
    const ann = await registerUser(api);
    const { token, email } = await invited(ann);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => accept({ token, name: `Racer ${i}`, password: PASSWORD })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(['GONE', 'GONE', 'GONE', 'GONE']);
    const members = await sql(`SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [email]);
    expect(members).toHaveLength(1);
    expect(await sql(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(1);
  });

  it('reads EXPIRED past expiresAt: GONE to accept and decline, and it no longer blocks a new invitation', async () => {
    const ann = await registerUser(api);
    const { invitation, token, email } = await invited(ann);
    await sql(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invitation.id]);
    const expired = dataOf(await api.exec(LIST, { moniker: ann.organization.moniker, status: 'EXPIRED' }, ann.token)).organization.invitations;
    expect(expired.edges.map((e: { node: { id: string; status: string } }) => e.node)).toEqual([
      expect.objectContaining({ id: invitation.id, status: 'EXPIRED' }),
    ]);
    const pending = dataOf(await api.exec(LIST, { moniker: ann.organization.moniker, status: 'PENDING' }, ann.token)).organization.invitations;
    expect(pending.totalCount).toBe(0);
    expect(errorCode(await accept({ token, name: 'Late', password: PASSWORD }))).toBe('GONE');
    expect(errorCode(await api.exec(DECLINE, { input: { token } }))).toBe('GONE');
    expect(dataOf(await api.exec(PREVIEW, { token })).invitationPreview.status).toBe('EXPIRED');

    const again = dataOf(await invite(ann, { email })).inviteMember.invitation;
    expect(again.status).toBe('PENDING');
    expect(await statusOf(invitation.id)).toBe('EXPIRED');
  });

  it('resend issues a new token (the old one is GONE), counts, and revives an expired invitation for as long as before', async () => {
    const ann = await registerUser(api);
    const { invitation, token: first, email } = await invited(ann, freshEmail(), { expiresInDays: 2 });
    await sql(`UPDATE invitations SET expires_at = now() - interval '1 hour', last_sent_at = now() - interval '2 days 1 hour' WHERE id = $1`, [invitation.id]);
    const resent = dataOf(await api.exec(RESEND, { input: { invitationId: invitation.id } }, ann.token)).resendInvitation.invitation;
    expect(resent).toMatchObject({ id: invitation.id, status: 'PENDING', sentCount: 2 });
    expect(Date.parse(resent.lastSentAt)).toBeGreaterThan(Date.parse(invitation.lastSentAt));
    const days = (Date.parse(resent.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.99);
    expect(days).toBeLessThan(2.01);
    // The old token is gone at once, before the new email is even sent.
    expect(errorCode(await accept({ token: first, name: 'Old', password: PASSWORD }))).toBe('GONE');
    const second = acceptToken(await sink.nextTo(email));
    expect(second).not.toBe(first);
    expect(dataOf(await api.exec(PREVIEW, { token: first })).invitationPreview).toBeNull();
    expect(dataOf(await accept({ token: second, name: 'New', password: PASSWORD })).acceptInvitation.user.email).toBe(email);
    expect(errorCode(await api.exec(RESEND, { input: { invitationId: invitation.id } }, ann.token))).toBe('CONFLICT');
  });

  it('revoke ends an invitation; only inviters of the organization may revoke or resend', async () => {
    const ann = await registerUser(api);
    const mia = await registerUser(api);
    const eve = await registerUser(api);
    await sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [ann.organization.id, mia.user.id]);
    const { invitation, token } = await invited(ann);
    const revoke = (id: string, by: Account) => api.exec(REVOKE, { input: { invitationId: id } }, by.token);
    expect(errorCode(await revoke(invitation.id, mia))).toBe('FORBIDDEN');
    expect(errorCode(await revoke(invitation.id, eve))).toBe('NOT_FOUND');
    expect(errorCode(await revoke('not-a-uuid', ann))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(RESEND, { input: { invitationId: invitation.id } }, eve.token))).toBe('NOT_FOUND');
    expect(dataOf(await revoke(invitation.id, ann)).revokeInvitation.invitation).toEqual({ id: invitation.id, status: 'REVOKED' });
    expect(errorCode(await accept({ token, name: 'Too late', password: PASSWORD }))).toBe('GONE');
    expect(errorCode(await revoke(invitation.id, ann))).toBe('CONFLICT');
    expect(errorCode(await api.exec(RESEND, { input: { invitationId: invitation.id } }, ann.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(LIST, { moniker: ann.organization.moniker }, mia.token))).toBe('FORBIDDEN');
  });

  it('the token holder declines; the organization hears of it', async () => {
    const ann = await registerUser(api);
    const { invitation, token, email } = await invited(ann);
    expect(dataOf(await api.exec(DECLINE, { input: { token } })).declineInvitation.invitation).toEqual({ id: invitation.id, status: 'DECLINED' });
    expect(errorCode(await accept({ token, name: 'No', password: PASSWORD }))).toBe('GONE');
    expect((await sink.nextTo(ann.user.email)).body).toContain(`${email} declined the invitation`);
  });

  it('CONFLICT for a second pending invitation and for an existing member', async () => {
    const ann = await registerUser(api);
    const email = freshEmail();
    dataOf(await invite(ann, { email }));
    expect(errorCode(await invite(ann, { email: email.toUpperCase() }))).toBe('CONFLICT');
    expect(errorCode(await invite(ann, { email: ann.user.email }))).toBe('CONFLICT');
  });

  it('inviting an OWNER needs OWNERS_MANAGE; MEMBERs cannot invite; outsiders get NOT_FOUND', async () => {
    const ann = await registerUser(api);
    const dave = await registerUser(api);
    const mia = await registerUser(api);
    const eve = await registerUser(api);
    await sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'ADMIN'), ($1, $3, 'MEMBER')`, [
      ann.organization.id,
      dave.user.id,
      mia.user.id,
    ]);
    const as = (by: Account, role: string) => api.exec(INVITE, { input: { organizationId: ann.organization.id, email: freshEmail(), role } }, by.token);
    expect(errorCode(await as(dave, 'OWNER'))).toBe('FORBIDDEN');
    expect(dataOf(await as(dave, 'ADMIN')).inviteMember.invitation.role).toBe('ADMIN');
    expect(dataOf(await as(ann, 'OWNER')).inviteMember.invitation.role).toBe('OWNER');
    expect(errorCode(await as(mia, 'MEMBER'))).toBe('FORBIDDEN');
    expect(errorCode(await as(eve, 'MEMBER'))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(INVITE, { input: { organizationId: ann.organization.id, email: freshEmail(), role: 'MEMBER' } }))).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input naming the field', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const [bobsTeam] = await sql(`SELECT id FROM teams WHERE organization_id = $1`, [bob.organization.id]);
    const [bobsProject] = await sql(`INSERT INTO projects (organization_id, name) VALUES ($1, 'Secret') RETURNING id`, [bob.organization.id]);
    const fieldsOf = async (input: Record<string, unknown>) => {
      const res = await invite(ann, { email: freshEmail(), ...input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      return res.errors![0].extensions!.fields!.map((f) => f.field);
    };
    expect(await fieldsOf({ email: 'not-an-email' })).toEqual(['email']);
    expect(await fieldsOf({ teamIds: [] })).toEqual(['teamIds']);
    expect(await fieldsOf({ teamIds: [bobsTeam.id] })).toEqual(['teamIds']);
    expect(await fieldsOf({ teamIds: ['nope'] })).toEqual(['teamIds']);
    expect(await fieldsOf({ expiresInDays: 0 })).toEqual(['expiresInDays']);
    expect(await fieldsOf({ expiresInDays: 31 })).toEqual(['expiresInDays']);
    expect(await fieldsOf({ note: 'x'.repeat(1001) })).toEqual(['note']);
    expect(await fieldsOf({ name: '   ' })).toEqual(['name']);
    expect(await fieldsOf({ projectGrants: [{ projectId: bobsProject.id, roleId: '00000000-0000-4000-8000-000000000001' }] })).toEqual(['projectGrants']);
    const short = await accept({ token: 'whatever', name: 'X', password: 'short' });
    expect(short.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['password']);
  });

  it('invited teams and project grants are given on acceptance', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const [defaultTeam] = await sql(`SELECT id FROM teams WHERE organization_id = $1`, [ann.organization.id]);
    const [ops] = await sql(`INSERT INTO teams (organization_id, name) VALUES ($1, 'Ops') RETURNING id`, [ann.organization.id]);
    const [project] = await sql(`INSERT INTO projects (organization_id, name) VALUES ($1, 'Apollo') RETURNING id`, [ann.organization.id]);
    const [foreignRole] = await sql(`INSERT INTO roles (organization_id, name, permissions) VALUES ($1, 'Theirs', '{PROJECT_VIEW}') RETURNING id`, [
      bob.organization.id,
    ]);
    const useRole = '00000000-0000-4000-8000-000000000002';
    expect(errorCode(await invite(ann, { email: freshEmail(), projectGrants: [{ projectId: project.id, roleId: foreignRole.id }] }))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await invite(ann, {
          email: freshEmail(),
          projectGrants: [
            { projectId: project.id, roleId: useRole },
            { projectId: project.id, roleId: useRole },
          ],
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    const { invitation, token } = await invited(ann, freshEmail(), {
      teamIds: [ops.id, defaultTeam.id],
      projectGrants: [{ projectId: project.id, roleId: useRole }],
    });
    expect(invitation.teams.map((t: { name: string }) => t.name)).toEqual(['My team', 'Ops']);
    const user = dataOf(await accept({ token, name: 'Grace', password: PASSWORD })).acceptInvitation.user;
    const teams = await sql(`SELECT team_id FROM team_members WHERE user_id = $1 ORDER BY team_id`, [user.id]);
    expect(teams.map((t: { team_id: string }) => t.team_id)).toEqual([ops.id, defaultTeam.id].sort());
    expect(await sql(`SELECT project_id, role_id FROM project_grants WHERE user_id = $1`, [user.id])).toEqual([{ project_id: project.id, role_id: useRole }]);
  });

  it('lists invitations newest first with cursors', async () => {
    const ann = await registerUser(api);
    const emails = [freshEmail(), freshEmail(), freshEmail()];
    for (const email of emails) dataOf(await invite(ann, { email }));
    const page = (after?: string) => api.exec(LIST, { moniker: ann.organization.moniker, first: 2, after }, ann.token);
    const one = dataOf(await page()).organization.invitations;
    expect(one.totalCount).toBe(3);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = dataOf(await page(one.pageInfo.endCursor)).organization.invitations;
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect([...one.edges, ...two.edges].map((e: { node: { email: string } }) => e.node.email)).toEqual([...emails].reverse());
    expect(errorCode(await api.exec(LIST, { moniker: ann.organization.moniker, after: 'garbage' }, ann.token))).toBe('BAD_USER_INPUT');
  });
});
