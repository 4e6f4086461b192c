import { InviteMembersDocument, type InviteeInput } from './generated/graphql';
import { fieldsOf, sql } from './support/access';
import { registerUser, type Account } from './support/factories';
import { startMailSink, type MailSink } from './support/mail';
import { addMember } from './support/members';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/** inviteMembers (CONTRACT.md, Administration): 1 to 100 rows, each its own inviteMember. */
let api: TestServer;
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  api = await startTestServer({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

let counter = 0;
const freshEmail = () => `bulk-${Date.now().toString(36)}-${++counter}@example.com`;

const inviteMany = (account: Account, organizationId: string, invitations: InviteeInput[], extra: Record<string, unknown> = {}) =>
  api.exec(InviteMembersDocument, { input: { organizationId, invitations, ...extra } }, account.token);

/** Waits until every mail to the successful rows arrived, then says how many went to each address. */
async function mailsTo(addresses: string[]): Promise<number[]> {
  return addresses.map((a) => sink.messages.filter((m) => m.to.includes(a.toLowerCase())).length);
}

describe('inviteMembers', () => {
  it('answers each row alone, in input order, with the refusals inviteMember would give', async () => {
    const owner = await registerUser(api);
    const admin = await registerUser(api);
    await addMember(api, owner.organization.id, admin.user.id, 'ADMIN');
    const member = await registerUser(api);
    await addMember(api, owner.organization.id, member.user.id, 'MEMBER');
    const [good, second] = [freshEmail(), freshEmail()];
    const rows: InviteeInput[] = [
      { email: good.toUpperCase(), role: 'MEMBER', name: 'First Person' },
      { email: 'not an email', role: 'MEMBER' },
      { email: member.user.email, role: 'MEMBER' },
      { email: freshEmail(), role: 'OWNER' },
      { email: freshEmail(), role: 'MEMBER', teamIds: ['00000000-0000-4000-8000-00000000dead'] },
      { email: freshEmail(), role: 'MEMBER', teamIds: [] },
      { email: second, role: 'ADMIN' },
      { email: good, role: 'MEMBER' },
    ];
    const res = dataOf(await inviteMany(admin, owner.organization.id, rows, { note: 'Welcome aboard', expiresInDays: 3 })).inviteMembers.results;
    expect(res.map((r) => r.error?.code ?? 'OK')).toEqual([
      'OK',
      'BAD_USER_INPUT',
      'CONFLICT',
      'FORBIDDEN',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'OK',
      'CONFLICT',
    ]);
    expect(res.map((r) => r.email)).toEqual([good, 'not an email', member.user.email, rows[3].email, rows[4].email, rows[5].email, second, good]);
    expect(res[1].error!.fields!.map((f) => f.field)).toEqual(['email']);
    expect(res[4].error!.fields!.map((f) => f.field)).toEqual(['teamIds']);
    expect(res[5].error!.fields!.map((f) => f.field)).toEqual(['teamIds']);
    expect(res[0].invitation).toMatchObject({ email: good, role: 'MEMBER', status: 'PENDING' });
    expect(res[1].invitation).toBeNull();

    // The shared note and expiry reach every invitation; one invitation and one email per successful row.
    const stored = await sql(
      api,
      `SELECT email, note, round(extract(epoch FROM expires_at - created_at) / 86400) AS days FROM invitations WHERE organization_id = $1 ORDER BY created_at`,
      [owner.organization.id],
    );
    expect(stored).toEqual([
      { email: good, note: 'Welcome aboard', days: '3' },
      { email: second, note: 'Welcome aboard', days: '3' },
    ]);
    await sink.nextTo(good);
    await sink.nextTo(second);
    expect(await mailsTo([good, second, rows[3].email, rows[4].email])).toEqual([1, 1, 0, 0]);
    const audited = await sql(api, `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'member.invited'`, [
      owner.organization.id,
    ]);
    expect(audited[0].n).toBe(2);
  });

  it('takes 1 to 100 rows', async () => {
    const owner = await registerUser(api);
    const none = await inviteMany(owner, owner.organization.id, []);
    expect(errorCode(none)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(none)).toContain('invitations');
    const many = Array.from({ length: 101 }, () => ({ email: freshEmail(), role: 'MEMBER' as const }));
    expect(errorCode(await inviteMany(owner, owner.organization.id, many))).toBe('BAD_USER_INPUT');
    const hundred = dataOf(await inviteMany(owner, owner.organization.id, many.slice(0, 100))).inviteMembers.results;
    expect(hundred).toHaveLength(100);
    expect(hundred.every((r) => r.invitation?.status === 'PENDING')).toBe(true);
    expect(hundred.map((r) => r.email)).toEqual(many.slice(0, 100).map((r) => r.email));
  }, 120_000);

  it('needs MEMBERS_INVITE in the organization, checked before the rows', async () => {
    const owner = await registerUser(api);
    const member = await registerUser(api);
    await addMember(api, owner.organization.id, member.user.id, 'MEMBER');
    const outsider = await registerUser(api);
    const rows: InviteeInput[] = [{ email: 'not an email', role: 'MEMBER' }];
    const input = { organizationId: owner.organization.id, invitations: rows };
    expect(errorCode(await api.exec(InviteMembersDocument, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(InviteMembersDocument, { input }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(InviteMembersDocument, { input }, outsider.token))).toBe('NOT_FOUND');
  });
});

describe('inviteMembers budgets', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ SMTP_URL: sink.url, RATE_LIMITS: 'on', RATE_LIMIT_INVITATIONS_PER_ORGANIZATION: '3/1h' });
  });
  afterAll(() => limited.stop());

  it('spends one invitation per row, and refuses the rows past the budget alone', async () => {
    const owner = await registerUser(limited);
    const rows = Array.from({ length: 5 }, () => ({ email: freshEmail(), role: 'MEMBER' as const }));
    rows[1].email = 'not an email';
    const res = dataOf(await limited.exec(InviteMembersDocument, { input: { organizationId: owner.organization.id, invitations: rows } }, owner.token))
      .inviteMembers.results;
    // An invalid row spends nothing; the fourth valid row is over the organization's budget of 3.
    expect(res.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'BAD_USER_INPUT', 'OK', 'OK', 'RATE_LIMITED']);
    expect(res[4].error!.message).toMatch(/retry/i);
  });
});
