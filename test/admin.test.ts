import {
  AcceptInvitationDocument,
  AddOrganizationOwnerDocument,
  DisableUserDocument,
  EnableUserDocument,
  InstanceOrganizationsDocument,
  InstanceUsersDocument,
  InviteMemberDocument,
  LoginDocument,
  OrganizationByIdDocument,
  UpdateOrganizationDocument,
  ViewerAdminDocument,
} from './generated/graphql';
import { auditActions, sql } from './support/access';
import { createOrganization, registerUser, type Account } from './support/factories';
import { acceptToken, startMailSink, type MailSink } from './support/mail';
import { addMember, roleOf } from './support/members';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/** Instance administrators over HTTP (CONTRACT.md, Administration); the command line is tested in admin-cli.test.ts. */
let api: TestServer;
let sink: MailSink;
let admin: Account;
beforeAll(async () => {
  sink = await startMailSink();
  api = await startTestServer({ SMTP_URL: sink.url });
  admin = await registerUser(api, { name: 'Site Admin' });
  await sql(api, `UPDATE users SET is_instance_admin = true WHERE id = $1`, [admin.user.id]);
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

const PASSWORD = 'correct horse battery';

/** The HTTP status and code of a request made with `token`. */
async function statusWith(token: string): Promise<{ status: number; authenticate: string | null; code: unknown }> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { id } }' }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { status: response.status, authenticate: response.headers.get('www-authenticate'), code: body.errors?.[0]?.extensions?.code };
}

describe('instance administrators', () => {
  it('see isInstanceAdmin on the viewer only', async () => {
    const someone = await registerUser(api);
    expect(dataOf(await api.exec(ViewerAdminDocument, {}, admin.token)).viewer).toEqual({ id: admin.user.id, isInstanceAdmin: true });
    expect(dataOf(await api.exec(ViewerAdminDocument, {}, someone.token)).viewer).toEqual({ id: someone.user.id, isInstanceAdmin: false });
    // Another user's flag reads null, even the administrator's, even to an administrator.
    await addMember(api, someone.organization.id, admin.user.id, 'MEMBER');
    const res = await api.exec(
      `query($id: ID!) { organization(id: $id) { members(first: 10) { nodes { user { id isInstanceAdmin } } } } }`,
      { id: someone.organization.id },
      someone.token,
    );
    const flags = Object.fromEntries(dataOf(res).organization.members.nodes.map((n: any) => [n.user.id, n.user.isInstanceAdmin]));
    expect(flags).toEqual({ [someone.user.id]: false, [admin.user.id]: null });
  });

  it('list every organization with member counts, searchable and paged; nobody else may', async () => {
    const owner = await registerUser(api, { organizationName: 'Zeppelin Works' });
    await addMember(api, owner.organization.id, (await registerUser(api)).user.id, 'MEMBER');
    expect(errorCode(await api.exec(InstanceOrganizationsDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(InstanceOrganizationsDocument, {}, owner.token))).toBe('FORBIDDEN');

    const found = dataOf(await api.exec(InstanceOrganizationsDocument, { search: 'zeppelin W' }, admin.token)).instance.organizations;
    expect(found.totalCount).toBe(1);
    expect(found.nodes[0]).toMatchObject({ id: owner.organization.id, name: 'Zeppelin Works', plan: 'FREE', region: 'EU1', memberCount: 2 });
    const byMoniker = dataOf(await api.exec(InstanceOrganizationsDocument, { search: owner.organization.moniker }, admin.token)).instance.organizations;
    expect(byMoniker.nodes.map((o) => o.id)).toEqual([owner.organization.id]);

    // Paging walks every organization once, newest first.
    const all = await sql(api, `SELECT id FROM organizations ORDER BY created_at DESC, id DESC`);
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: any = dataOf(await api.exec(InstanceOrganizationsDocument, { first: 2, after }, admin.token)).instance.organizations;
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.nodes.map((o: any) => o.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((o) => o.id));
    expect(errorCode(await api.exec(InstanceOrganizationsDocument, { first: 101 }, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.exec(InstanceOrganizationsDocument, { after: 'nonsense' }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('list every account with its state, searchable and paged', async () => {
    const someone = await registerUser(api, { name: 'Quentin Searchable' });
    await sql(api, `UPDATE users SET disabled_at = now() WHERE id = $1`, [someone.user.id]);
    const res = dataOf(await api.exec(InstanceUsersDocument, { search: 'QUENTIN search' }, admin.token)).instance.users;
    expect(res.totalCount).toBe(1);
    expect(res.nodes[0]).toMatchObject({ id: someone.user.id, email: someone.user.email, name: 'Quentin Searchable', disabled: true, isInstanceAdmin: false });
    const byEmail = dataOf(await api.exec(InstanceUsersDocument, { search: admin.user.email.toUpperCase() }, admin.token)).instance.users;
    expect(byEmail.nodes).toEqual([expect.objectContaining({ id: admin.user.id, isInstanceAdmin: true, disabled: false })]);
    const first = dataOf(await api.exec(InstanceUsersDocument, { first: 1 }, admin.token)).instance.users;
    const second = dataOf(await api.exec(InstanceUsersDocument, { first: 1, after: first.pageInfo.endCursor }, admin.token)).instance.users;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.nodes[0].id).not.toBe(first.nodes[0].id);
    expect(errorCode(await api.exec(InstanceUsersDocument, { search: 'x'.repeat(321) }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('gain nothing inside organizations they do not belong to', async () => {
    const owner = await registerUser(api);
    const id = owner.organization.id;
    expect(errorCode(await api.exec(OrganizationByIdDocument, { id }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(UpdateOrganizationDocument, { input: { organizationId: id, name: 'Mine now' } }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(InviteMemberDocument, { input: { organizationId: id, email: 'x@example.com', role: 'OWNER' } }, admin.token))).toBe(
      'NOT_FOUND',
    );
    // As a plain MEMBER they hold a MEMBER's rights, no more.
    await addMember(api, id, admin.user.id, 'MEMBER');
    expect(errorCode(await api.exec(UpdateOrganizationDocument, { input: { organizationId: id, name: 'Mine now' } }, admin.token))).toBe('FORBIDDEN');
  });
});

describe('addOrganizationOwner', () => {
  it('makes any account an OWNER of any organization, audited there with the administrator as actor', async () => {
    const owner = await registerUser(api);
    const rescuer = await registerUser(api);
    const member = await registerUser(api);
    const id = owner.organization.id;
    await addMember(api, id, member.user.id, 'MEMBER');
    const input = { organizationId: id, userId: rescuer.user.id };
    expect(errorCode(await api.exec(AddOrganizationOwnerDocument, { input }))).toBe('UNAUTHENTICATED');
    // An owner of the organization is no instance administrator.
    expect(errorCode(await api.exec(AddOrganizationOwnerDocument, { input }, owner.token))).toBe('FORBIDDEN');

    const added = dataOf(await api.exec(AddOrganizationOwnerDocument, { input }, admin.token)).addOrganizationOwner;
    expect(added.member).toEqual({ role: 'OWNER', user: { id: rescuer.user.id } });
    expect(dataOf(await api.exec(OrganizationByIdDocument, { id }, rescuer.token)).organization).toMatchObject({ id });
    const promoted = dataOf(await api.exec(AddOrganizationOwnerDocument, { input: { organizationId: id, userId: member.user.id } }, admin.token));
    expect(promoted.addOrganizationOwner.member.role).toBe('OWNER');
    expect(await roleOf(api, id, member.user.id)).toBe('OWNER');
    // Again: nothing changes, nothing more is audited.
    await api.exec(AddOrganizationOwnerDocument, { input }, admin.token);
    const events = await sql(
      api,
      `SELECT actor_id, target_id, data FROM audit_events WHERE organization_id = $1 AND action = 'member.owner_added' ORDER BY created_at`,
      [id],
    );
    expect(events).toEqual([
      { actor_id: admin.user.id, target_id: rescuer.user.id, data: { from: null, by: 'instance_administrator' } },
      { actor_id: admin.user.id, target_id: member.user.id, data: { from: 'MEMBER', by: 'instance_administrator' } },
    ]);
    // The administrator stays an outsider.
    expect(await roleOf(api, id, admin.user.id)).toBeNull();
  });

  it('answers NOT_FOUND for a missing or malformed organization or account', async () => {
    const owner = await registerUser(api);
    const missing = '00000000-0000-4000-8000-00000000dead';
    for (const input of [
      { organizationId: missing, userId: owner.user.id },
      { organizationId: owner.organization.id, userId: missing },
      { organizationId: 'nope', userId: owner.user.id },
    ]) {
      expect(errorCode(await api.exec(AddOrganizationOwnerDocument, { input }, admin.token))).toBe('NOT_FOUND');
    }
  });
});

describe('disabled accounts', () => {
  it('lose their sessions at once (HTTP 401), cannot sign in, and are audited in each organization', async () => {
    const user = await registerUser(api);
    const second = await createOrganization(api, user.token);
    const other = await registerUser(api);
    expect(errorCode(await api.exec(DisableUserDocument, { input: { userId: user.user.id } }, other.token))).toBe('FORBIDDEN');
    expect((await statusWith(user.token)).status).toBe(200);

    const disabled = dataOf(await api.exec(DisableUserDocument, { input: { userId: user.user.id } }, admin.token)).disableUser;
    expect(disabled.user).toEqual({ id: user.user.id, disabled: true });
    expect(await statusWith(user.token)).toEqual({ status: 401, authenticate: 'Bearer error="invalid_token"', code: 'UNAUTHENTICATED' });
    const login = await api.exec(LoginDocument, { input: { email: user.user.email, password: PASSWORD } });
    expect(errorCode(login)).toBe('UNAUTHENTICATED');
    expect(login.errors![0].message).toMatch(/disabled/);
    // A wrong password says nothing about it.
    const wrong = await api.exec(LoginDocument, { input: { email: user.user.email, password: 'wrong password!' } });
    expect(wrong.errors![0].message).not.toMatch(/disabled/);
    for (const organizationId of [user.organization.id, second.id]) {
      expect(await auditActions(api, organizationId)).toContain('user.disabled');
      const [event] = await sql(api, `SELECT actor_id, target_id FROM audit_events WHERE organization_id = $1 AND action = 'user.disabled'`, [organizationId]);
      expect(event).toEqual({ actor_id: admin.user.id, target_id: user.user.id });
    }

    const enabled = dataOf(await api.exec(EnableUserDocument, { input: { userId: user.user.id } }, admin.token)).enableUser;
    expect(enabled.user.disabled).toBe(false);
    // The old session stays ended; a new login works.
    expect((await statusWith(user.token)).status).toBe(401);
    const again = dataOf(await api.exec(LoginDocument, { input: { email: user.user.email, password: PASSWORD } })).login;
    expect((await statusWith(again.token)).status).toBe(200);
    expect(await auditActions(api, second.id)).toContain('user.enabled');
  });

  it('cannot be the administrator themselves or another administrator', async () => {
    const colleague = await registerUser(api);
    await sql(api, `UPDATE users SET is_instance_admin = true WHERE id = $1`, [colleague.user.id]);
    expect(errorCode(await api.exec(DisableUserDocument, { input: { userId: admin.user.id } }, admin.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(DisableUserDocument, { input: { userId: colleague.user.id } }, admin.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(DisableUserDocument, { input: { userId: '00000000-0000-4000-8000-00000000dead' } }, admin.token))).toBe('NOT_FOUND');
  });

  it('may be invited, but accept only once enabled again', async () => {
    const owner = await registerUser(api);
    const invitee = await registerUser(api);
    dataOf(await api.exec(DisableUserDocument, { input: { userId: invitee.user.id } }, admin.token));
    const invited = await api.exec(
      InviteMemberDocument,
      { input: { organizationId: owner.organization.id, email: invitee.user.email, role: 'MEMBER' } },
      owner.token,
    );
    expect(dataOf(invited).inviteMember.invitation.status).toBe('PENDING');
    const token = acceptToken(await sink.nextTo(invitee.user.email));
    const refused = await api.exec(AcceptInvitationDocument, { input: { token, password: 'another password 1', name: 'X' } });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/disabled/);

    dataOf(await api.exec(EnableUserDocument, { input: { userId: invitee.user.id } }, admin.token));
    const session = dataOf(await api.exec(LoginDocument, { input: { email: invitee.user.email, password: PASSWORD } })).login.token;
    const accepted = dataOf(await api.exec(AcceptInvitationDocument, { input: { token } }, session)).acceptInvitation;
    expect(accepted.organization.id).toBe(owner.organization.id);
  });
});
