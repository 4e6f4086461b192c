import { createHash } from 'node:crypto';
import { AccessTokensDocument, CreateAccessTokenDocument, RevokeAccessTokenDocument } from './generated/graphql';
import { auditActions, newMember, OWNER_ROLE_ID, sql, USE_ROLE_ID, VIEW_ROLE_ID } from './support/access';
import { createOrganization, registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/**
 * Personal access tokens (CONTRACT.md, Access tokens), through HTTP against the real server:
 * made with a session for one organization, shown once, and every request with one acts as
 * its user inside that organization only, with what both the token lists and the user holds
 * at that moment.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

type OrgPermission = string;
interface TokenRequest {
  name?: string;
  organizationId: string;
  organizationPermissions?: OrgPermission[];
  projectPermissions?: string[];
  expiresInDays?: number | null;
}

let names = 0;
async function tryCreate(account: Account, request: TokenRequest) {
  const input = { name: `token ${(names += 1)}`, organizationPermissions: [], projectPermissions: [], ...request };
  return api.exec(CreateAccessTokenDocument, { input } as never, account.token);
}

async function createToken(account: Account, request: TokenRequest) {
  return dataOf(await tryCreate(account, request)).createAccessToken;
}

/** A request with the raw Authorization header, to see the HTTP status and challenge. */
async function send(authorization: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${authorization}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: (await res.json()) as { data?: any; errors?: any[] } };
}

async function expectRefused(token: string) {
  const { status, challenge, body } = await send(token, '{ viewer { id } }');
  expect(status).toBe(401);
  expect(challenge).toBe('Bearer error="invalid_token"');
  expect(body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
}

const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id viewerRole viewerPermissions } }`;
const permissionsIn = async (token: string, organizationId: string) =>
  dataOf(await api.exec(ORGANIZATION, { id: organizationId }, token)).organization.viewerPermissions as string[];

async function addProject(organizationId: string, name = 'P'): Promise<string> {
  const [{ id }] = await sql(api, `INSERT INTO projects (organization_id, name) VALUES ($1, $2) RETURNING id`, [organizationId, name]);
  return id;
}

async function grant(organizationId: string, projectId: string, userId: string, roleId: string): Promise<void> {
  await sql(
    api,
    `INSERT INTO project_grants (organization_id, project_id, user_id, role_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (project_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET role_id = EXCLUDED.role_id`,
    [organizationId, projectId, userId, roleId],
  );
}

const PROJECT = `query($id: ID!) { project(id: $id) { id viewerPermissions } }`;

describe('creating and listing', () => {
  it('returns the token once (orgraph_pat_, 256 random bits), stores only its hash, and lists it without the token', async () => {
    const owner = await registerUser(api);
    const { token, accessToken } = await createToken(owner, {
      name: '  Deploy bot  ',
      organizationId: owner.organization.id,
      organizationPermissions: ['ORGANIZATION_VIEW', 'MEMBERS_MANAGE', 'MEMBERS_MANAGE'],
      projectPermissions: ['PROJECT_VIEW'],
    });
    expect(token).toMatch(/^orgraph_pat_[A-Za-z0-9_-]{43}$/);
    expect(accessToken).toMatchObject({
      name: 'Deploy bot',
      organization: { id: owner.organization.id, moniker: owner.organization.moniker },
      organizationPermissions: ['ORGANIZATION_VIEW', 'MEMBERS_MANAGE'],
      projectPermissions: ['PROJECT_VIEW'],
      lastUsedAt: null,
    });
    const days = (Date.parse(accessToken.expiresAt) - Date.parse(accessToken.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(90);

    const [row] = await sql(api, `SELECT * FROM access_tokens WHERE id = $1`, [accessToken.id]);
    expect(row.token_hash).toEqual(createHash('sha256').update(token).digest());
    expect(JSON.stringify(row)).not.toContain(token.slice('orgraph_pat_'.length));

    const listed = await api.exec(AccessTokensDocument, { first: 10 }, owner.token);
    const { accessTokens } = dataOf(listed).viewer!;
    expect(accessTokens!.totalCount).toBe(1);
    expect(accessTokens!.nodes.map((t) => t.id)).toEqual([accessToken.id]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const second = await createToken(owner, { organizationId: owner.organization.id, expiresInDays: 1 });
    expect(Math.round((Date.parse(second.accessToken.expiresAt) - Date.parse(second.accessToken.createdAt)) / 86_400_000)).toBe(1);
    // Newest first, a page at a time.
    const page = dataOf(await api.exec(AccessTokensDocument, { first: 1 }, owner.token)).viewer!.accessTokens!;
    expect(page.nodes.map((t) => t.id)).toEqual([second.accessToken.id]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(await api.exec(AccessTokensDocument, { first: 1, after: page.pageInfo.endCursor }, owner.token)).viewer!.accessTokens!;
    expect(next.nodes.map((t) => t.id)).toEqual([accessToken.id]);
  });

  it('lists only what the user holds now (FORBIDDEN otherwise, before input rules); a non-member gets NOT_FOUND', async () => {
    const owner = await registerUser(api);
    const member = await newMember(api, owner.organization.id, 'MEMBER');
    const organizationId = owner.organization.id;
    expect(errorCode(await tryCreate(member, { organizationId, organizationPermissions: ['MEMBERS_MANAGE'] }))).toBe('FORBIDDEN');
    // FORBIDDEN wins over a bad name and a bad expiry.
    expect(errorCode(await tryCreate(member, { name: '', organizationId, organizationPermissions: ['MEMBERS_MANAGE'], expiresInDays: 0 }))).toBe('FORBIDDEN');
    // A project permission is held through a grant on at least one project of the organization.
    expect(errorCode(await tryCreate(member, { organizationId, projectPermissions: ['PROJECT_VIEW'] }))).toBe('FORBIDDEN');
    const projectId = await addProject(organizationId);
    await grant(organizationId, projectId, member.user.id, VIEW_ROLE_ID);
    expect(
      (await createToken(member, { organizationId, organizationPermissions: ['ORGANIZATION_VIEW'], projectPermissions: ['PROJECT_VIEW'] })).token,
    ).toBeTruthy();
    expect(errorCode(await tryCreate(member, { organizationId, projectPermissions: ['PROJECT_VIEW', 'PROJECT_DELETE'] }))).toBe('FORBIDDEN');
    // An OWNER holds every project permission, with no project at all.
    const lone = await registerUser(api);
    expect((await createToken(lone, { organizationId: lone.organization.id, projectPermissions: ['PROJECT_DELETE'] })).token).toBeTruthy();
    // Another organization reads as missing, as does a malformed id.
    expect(errorCode(await tryCreate(lone, { organizationId }))).toBe('NOT_FOUND');
    expect(errorCode(await tryCreate(lone, { organizationId: 'nope' }))).toBe('NOT_FOUND');
  });

  it('takes a name of 1 to 100 characters and 1 to 366 days (BAD_USER_INPUT naming the field)', async () => {
    const owner = await registerUser(api);
    const organizationId = owner.organization.id;
    const fields = (res: Awaited<ReturnType<typeof tryCreate>>) => res.errors?.[0]?.extensions?.fields?.map((f) => f.field);
    expect(fields(await tryCreate(owner, { organizationId, name: '   ' }))).toEqual(['name']);
    expect(fields(await tryCreate(owner, { organizationId, name: 'x'.repeat(101) }))).toEqual(['name']);
    expect(fields(await tryCreate(owner, { organizationId, expiresInDays: 0 }))).toEqual(['expiresInDays']);
    expect(fields(await tryCreate(owner, { organizationId, expiresInDays: 367 }))).toEqual(['expiresInDays']);
    expect((await createToken(owner, { organizationId, name: 'x'.repeat(100), expiresInDays: 366 })).token).toBeTruthy();
  });

  it('keeps names unique per user (CONFLICT), not across users; a revoked name is free again', async () => {
    const owner = await registerUser(api);
    const other = await registerUser(api);
    const first = await createToken(owner, { name: 'CI', organizationId: owner.organization.id });
    expect(errorCode(await tryCreate(owner, { name: 'CI', organizationId: owner.organization.id }))).toBe('CONFLICT');
    const elsewhere = await createOrganization(api, owner.token);
    expect(errorCode(await tryCreate(owner, { name: 'CI', organizationId: elsewhere.id }))).toBe('CONFLICT');
    expect((await createToken(other, { name: 'CI', organizationId: other.organization.id })).token).toBeTruthy();
    dataOf(await api.exec(RevokeAccessTokenDocument, { input: { accessTokenId: first.accessToken.id } }, owner.token));
    expect((await createToken(owner, { name: 'CI', organizationId: owner.organization.id })).token).toBeTruthy();
  });
});

describe('acting with a token', () => {
  it('acts inside its organization only, with the intersection of the token and the role', async () => {
    const owner = await registerUser(api);
    const home = owner.organization.id;
    const elsewhere = await createOrganization(api, owner.token); // also becomes the user's active organization
    const member = await newMember(api, home, 'MEMBER');
    const { token } = await createToken(owner, {
      organizationId: home,
      organizationPermissions: ['ORGANIZATION_VIEW', 'MEMBERS_MANAGE'],
      projectPermissions: ['PROJECT_VIEW'],
    });

    const res = await api.exec(
      `{ viewer { id activeOrganization { id } organizations(first: 10) { totalCount nodes { id viewerRole viewerPermissions } } } }`,
      {},
      token,
    );
    const viewer = dataOf(res).viewer;
    expect(viewer.id).toBe(owner.user.id);
    expect(viewer.activeOrganization.id).toBe(home);
    expect(viewer.organizations.totalCount).toBe(1);
    expect(viewer.organizations.nodes).toEqual([{ id: home, viewerRole: 'OWNER', viewerPermissions: ['ORGANIZATION_VIEW', 'MEMBERS_MANAGE'] }]);
    // With the session, both organizations and every permission.
    expect(dataOf(await api.exec(`{ viewer { organizations { totalCount } } }`, {}, owner.token)).viewer.organizations.totalCount).toBe(2);

    // Other organizations read as missing, by id and by moniker, as for a non-member.
    expect(errorCode(await api.exec(ORGANIZATION, { id: elsewhere.id }, token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(`query($m: String!) { organization(moniker: $m) { id } }`, { m: elsewhere.moniker }, token))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await api.exec(
          `mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { organization { id } } }`,
          { i: { organizationId: elsewhere.id, name: 'X' } },
          token,
        ),
      ),
    ).toBe('NOT_FOUND');

    // Inside: what the token lists and the role holds; nothing else, though the user is an OWNER.
    const setRole = (userId: string, role: string) =>
      api.exec(
        `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } } }`,
        { i: { organizationId: home, userId, role } },
        token,
      );
    expect(dataOf(await setRole(member.user.id, 'ACCOUNTANT')).updateMemberRole.member.role).toBe('ACCOUNTANT');
    expect(errorCode(await setRole(member.user.id, 'OWNER'))).toBe('FORBIDDEN'); // needs OWNERS_MANAGE, not in the token
    expect(errorCode(await api.exec(`query($id: ID!) { organization(id: $id) { auditLog { totalCount } } }`, { id: home }, token))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await api.exec(
          `mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { organization { id } } }`,
          { i: { organizationId: home, name: 'X' } },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await api.exec(
          `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }`,
          { i: { organizationId: home, email: 'x@example.com', role: 'MEMBER' } },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    // A member's email needs MEMBERS_MANAGE, which the token carries.
    const members = dataOf(await api.exec(`query($id: ID!) { organization(id: $id) { members { nodes { user { id email } } } } }`, { id: home }, token));
    expect(members.organization.members.nodes.find((n: any) => n.user.id === member.user.id).user.email).toBe(member.user.email);

    // Projects: the token's project permissions on each project of its organization; other organizations' projects are missing.
    const projectId = await addProject(home);
    const foreignProject = await addProject(elsewhere.id);
    expect(dataOf(await api.exec(PROJECT, { id: projectId }, token)).project.viewerPermissions).toEqual(['PROJECT_VIEW']);
    expect(errorCode(await api.exec(PROJECT, { id: foreignProject }, token))).toBe('NOT_FOUND');
    const listed = dataOf(await api.exec(`query($id: ID!) { organization(id: $id) { projects { totalCount nodes { id } } } }`, { id: home }, token));
    expect(listed.organization.projects.nodes.map((p: any) => p.id)).toEqual([projectId]);

    // Instance rights never come with a token, even an administrator's.
    await sql(api, `UPDATE users SET is_instance_admin = true WHERE id = $1`, [owner.user.id]);
    expect(dataOf(await api.exec(`{ instance { users(first: 1) { totalCount } } }`, {}, owner.token)).instance.users.totalCount).toBeGreaterThan(0);
    expect(errorCode(await api.exec(`{ instance { users(first: 1) { totalCount } } }`, {}, token))).toBe('FORBIDDEN');
  });

  it('without PROJECT_VIEW sees no project; project rights are never above the token, nor a grant above them', async () => {
    const owner = await registerUser(api);
    const home = owner.organization.id;
    const projectId = await addProject(home);
    const member = await newMember(api, home, 'MEMBER');
    const blind = (await createToken(owner, { organizationId: home, organizationPermissions: ['ORGANIZATION_VIEW'] })).token;
    const listed = dataOf(await api.exec(`query($id: ID!) { organization(id: $id) { projects { totalCount nodes { id } } } }`, { id: home }, blind));
    expect(listed.organization.projects).toEqual({ totalCount: 0, nodes: [] });
    expect(errorCode(await api.exec(PROJECT, { id: projectId }, blind))).toBe('FORBIDDEN');

    // PROJECT_ACCESS_MANAGE without PROJECT_DELETE: the Use role may be granted, the Owner role (which carries PROJECT_DELETE) may not.
    const manager = (
      await createToken(owner, {
        organizationId: home,
        organizationPermissions: ['ORGANIZATION_VIEW'],
        projectPermissions: [
          'PROJECT_VIEW',
          'DATASOURCE_CONNECT',
          'CONTENT_MANAGE',
          'DATASOURCE_EDIT',
          'DATABASE_MASK',
          'DEPLOYMENT_CREATE',
          'PROJECT_ACCESS_MANAGE',
        ],
      })
    ).token;
    const grantRole = (roleId: string) =>
      api.exec(
        `mutation($i: GrantProjectAccessInput!) { grantProjectAccess(input: $i) { access { role { id } } } }`,
        { i: { projectId, roleId, userId: member.user.id } },
        manager,
      );
    expect(errorCode(await grantRole(OWNER_ROLE_ID))).toBe('FORBIDDEN');
    expect(dataOf(await grantRole(USE_ROLE_ID)).grantProjectAccess.access.role.id).toBe(USE_ROLE_ID);
    expect(
      errorCode(await api.exec(`mutation($i: DeleteProjectInput!) { deleteProject(input: $i) { deletedProjectId } }`, { i: { projectId } }, manager)),
    ).toBe('FORBIDDEN');
  });

  it('shrinks at once when its user is demoted or loses a grant, and is NOT_FOUND once they are removed', async () => {
    const owner = await registerUser(api);
    const home = owner.organization.id;
    const admin = await newMember(api, home, 'ADMIN');
    const projectId = await addProject(home);
    const { token } = await createToken(admin, {
      organizationId: home,
      organizationPermissions: ['ORGANIZATION_VIEW', 'MEMBERS_MANAGE', 'AUDIT_LOG_VIEW'],
      projectPermissions: ['PROJECT_VIEW', 'CONTENT_MANAGE', 'PROJECT_DELETE'],
    });
    expect(await permissionsIn(token, home)).toEqual(['ORGANIZATION_VIEW', 'MEMBERS_MANAGE', 'AUDIT_LOG_VIEW']);
    expect(dataOf(await api.exec(PROJECT, { id: projectId }, token)).project.viewerPermissions).toEqual(['PROJECT_VIEW', 'CONTENT_MANAGE', 'PROJECT_DELETE']);

    const demote = await api.exec(
      `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } } }`,
      { i: { organizationId: home, userId: admin.user.id, role: 'MEMBER' } },
      owner.token,
    );
    dataOf(demote);
    expect(await permissionsIn(token, home)).toEqual(['ORGANIZATION_VIEW']);
    expect(errorCode(await api.exec(`query($id: ID!) { organization(id: $id) { auditLog { totalCount } } }`, { id: home }, token))).toBe('FORBIDDEN');
    // A MEMBER holds on a project only what is granted: with Use, the token keeps what both allow.
    expect(errorCode(await api.exec(PROJECT, { id: projectId }, token))).toBe('FORBIDDEN');
    await grant(home, projectId, admin.user.id, USE_ROLE_ID);
    expect(dataOf(await api.exec(PROJECT, { id: projectId }, token)).project.viewerPermissions).toEqual(['PROJECT_VIEW', 'CONTENT_MANAGE']);
    await sql(api, `DELETE FROM project_grants WHERE project_id = $1 AND user_id = $2`, [projectId, admin.user.id]);
    expect(errorCode(await api.exec(PROJECT, { id: projectId }, token))).toBe('FORBIDDEN');

    dataOf(
      await api.exec(
        `mutation($i: RemoveMemberInput!) { removeMember(input: $i) { removedUserId } }`,
        { i: { organizationId: home, userId: admin.user.id } },
        owner.token,
      ),
    );
    expect(errorCode(await api.exec(ORGANIZATION, { id: home }, token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(PROJECT, { id: projectId }, token))).toBe('NOT_FOUND');
    const viewer = dataOf(await api.exec(`{ viewer { id organizations { totalCount } } }`, {}, token)).viewer;
    expect(viewer).toEqual({ id: admin.user.id, organizations: { totalCount: 0 } });
  });

  it('refuses every session-only operation with FORBIDDEN, and the session still does them', async () => {
    const owner = await registerUser(api);
    const home = owner.organization.id;
    const { token, accessToken } = await createToken(owner, {
      organizationId: home,
      organizationPermissions: Object.values(['ORGANIZATION_VIEW', 'ORGANIZATION_DELETE', 'MEMBERS_INVITE', 'MEMBERS_MANAGE']),
    });
    const forbidden: Array<[string, string, Record<string, unknown>]> = [
      [
        'createAccessToken',
        `mutation($i: CreateAccessTokenInput!) { createAccessToken(input: $i) { token } }`,
        { i: { name: 'again', organizationId: home, organizationPermissions: [], projectPermissions: [] } },
      ],
      ['revokeAccessToken', `mutation($i: RevokeAccessTokenInput!) { revokeAccessToken(input: $i) { revoked } }`, { i: { accessTokenId: accessToken.id } }],
      ['viewer.accessTokens', `{ viewer { accessTokens { totalCount } } }`, {}],
      ['logout allSessions', `mutation { logout(input: { allSessions: true }) { loggedOut } }`, {}],
      [
        'createOrganization',
        `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }`,
        { i: { name: 'New', region: 'EU1' } },
      ],
      [
        'deleteOrganization',
        `mutation($i: DeleteOrganizationInput!) { deleteOrganization(input: $i) { deletedOrganizationId } }`,
        { i: { organizationId: home, confirmMoniker: owner.organization.moniker } },
      ],
      ['leaveOrganization', `mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { leftOrganizationId } }`, { i: { organizationId: home } }],
      ['switchOrganization', `mutation($i: SwitchOrganizationInput!) { switchOrganization(input: $i) { viewer { id } } }`, { i: { organizationId: home } }],
      ['acceptInvitation', `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { organization { id } } }`, { i: { token: 'whatever' } }],
    ];
    for (const [name, query, variables] of forbidden) {
      const res = await api.exec(query, variables, token);
      expect([name, errorCode(res)]).toEqual([name, 'FORBIDDEN']);
    }
    // Nothing happened: the organization, the membership and the token are all there.
    expect(await permissionsIn(token, home)).toContain('ORGANIZATION_DELETE');
    // A plain logout with a token ends nothing: there is no session, and the token keeps working.
    expect(dataOf(await api.exec(`mutation { logout { loggedOut } }`, {}, token)).logout.loggedOut).toBe(false);
    expect(dataOf(await api.exec(`{ viewer { id } }`, {}, token)).viewer.id).toBe(owner.user.id);
    // The session may do them.
    expect(dataOf(await api.exec(`{ viewer { accessTokens { totalCount } } }`, {}, owner.token)).viewer.accessTokens.totalCount).toBe(1);
    expect(
      dataOf(
        await api.exec(
          `mutation($i: SwitchOrganizationInput!) { switchOrganization(input: $i) { viewer { id } } }`,
          { i: { organizationId: home } },
          owner.token,
        ),
      ).switchOrganization.viewer.id,
    ).toBe(owner.user.id);
  });
});

describe('refusals and bookkeeping', () => {
  it('refuses a revoked, expired or unknown token with HTTP 401; revoking another user’s token is NOT_FOUND', async () => {
    const owner = await registerUser(api);
    const stranger = await registerUser(api);
    const first = await createToken(owner, { organizationId: owner.organization.id, organizationPermissions: ['ORGANIZATION_VIEW'] });
    const second = await createToken(owner, { organizationId: owner.organization.id, organizationPermissions: ['ORGANIZATION_VIEW'] });
    expect((await send(first.token, '{ viewer { id } }')).status).toBe(200);

    const revoke = (id: string, by: Account) => api.exec(RevokeAccessTokenDocument, { input: { accessTokenId: id } }, by.token);
    expect(errorCode(await revoke(first.accessToken.id, stranger))).toBe('NOT_FOUND');
    expect(errorCode(await revoke('not-an-id', owner))).toBe('NOT_FOUND');
    expect((await send(first.token, '{ viewer { id } }')).status).toBe(200);
    expect(dataOf(await revoke(first.accessToken.id, owner)).revokeAccessToken.revoked).toBe(true);
    await expectRefused(first.token);
    expect(errorCode(await revoke(first.accessToken.id, owner))).toBe('NOT_FOUND');

    await sql(api, `UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.accessToken.id]);
    await expectRefused(second.token);
    await expectRefused(`orgraph_pat_${'A'.repeat(43)}`);
    await expectRefused('orgraph_pat_');
  });

  it('refuses a disabled user’s tokens at once, as their sessions, and accepts them again once enabled', async () => {
    const administrator = await registerUser(api);
    await sql(api, `UPDATE users SET is_instance_admin = true WHERE id = $1`, [administrator.user.id]);
    const user = await registerUser(api);
    const { token } = await createToken(user, { organizationId: user.organization.id, organizationPermissions: ['ORGANIZATION_VIEW'] });
    expect(await permissionsIn(token, user.organization.id)).toEqual(['ORGANIZATION_VIEW']);
    dataOf(await api.exec(`mutation($i: DisableUserInput!) { disableUser(input: $i) { user { id } } }`, { i: { userId: user.user.id } }, administrator.token));
    await expectRefused(token);
    await expectRefused(user.token);
    dataOf(await api.exec(`mutation($i: EnableUserInput!) { enableUser(input: $i) { user { id } } }`, { i: { userId: user.user.id } }, administrator.token));
    expect(await permissionsIn(token, user.organization.id)).toEqual(['ORGANIZATION_VIEW']);
  });

  it('sets lastUsedAt on use, at most once a minute', async () => {
    const owner = await registerUser(api);
    const { token, accessToken } = await createToken(owner, { organizationId: owner.organization.id });
    const lastUsedAt = async () => {
      const { nodes } = dataOf(await api.exec(AccessTokensDocument, { first: 10 }, owner.token)).viewer!.accessTokens!;
      return nodes.find((t) => t.id === accessToken.id)!.lastUsedAt as string | null;
    };
    expect(await lastUsedAt()).toBeNull();
    await send(token, '{ viewer { id } }');
    const first = await lastUsedAt();
    expect(first).not.toBeNull();
    await send(token, '{ viewer { id } }');
    await send(token, '{ viewer { id } }');
    expect(await lastUsedAt()).toBe(first);
    // A minute later (moved back in the database rather than waited for), the next use moves it again.
    await sql(api, `UPDATE access_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [accessToken.id]);
    const [{ moved }] = await sql(api, `SELECT last_used_at AS moved FROM access_tokens WHERE id = $1`, [accessToken.id]);
    await send(token, '{ viewer { id } }');
    const again = await lastUsedAt();
    expect(Date.parse(again!)).toBeGreaterThan((moved as Date).getTime());
    // A refused token (expired) is not touched.
    await sql(api, `UPDATE access_tokens SET expires_at = now() - interval '1 second', last_used_at = NULL WHERE id = $1`, [accessToken.id]);
    await expectRefused(token);
    expect((await sql(api, `SELECT last_used_at FROM access_tokens WHERE id = $1`, [accessToken.id]))[0].last_used_at).toBeNull();
  });

  it('audits creating and revoking in the token’s organization, without the token', async () => {
    const owner = await registerUser(api);
    const elsewhere = await createOrganization(api, owner.token);
    const { token, accessToken } = await createToken(owner, { name: 'Audited', organizationId: elsewhere.id, organizationPermissions: ['ORGANIZATION_VIEW'] });
    dataOf(await api.exec(RevokeAccessTokenDocument, { input: { accessTokenId: accessToken.id } }, owner.token));
    const actions = await auditActions(api, elsewhere.id);
    expect(actions.filter((a) => a.startsWith('access_token.'))).toEqual(['access_token.created', 'access_token.revoked']);
    expect((await auditActions(api, owner.organization.id)).filter((a) => a.startsWith('access_token.'))).toEqual([]);
    const events = await sql(api, `SELECT actor_id, target_id, data FROM audit_events WHERE organization_id = $1 AND action LIKE 'access_token.%'`, [
      elsewhere.id,
    ]);
    expect(events.every((e) => e.actor_id === owner.user.id && e.target_id === accessToken.id && e.data.name === 'Audited')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(token);
    // Readable in the log with AUDIT_LOG_VIEW.
    const log = dataOf(await api.exec(`query($id: ID!) { organization(id: $id) { auditLog { nodes { action } } } }`, { id: elsewhere.id }, owner.token));
    expect(log.organization.auditLog.nodes.map((n: any) => n.action)).toContain('access_token.created');
  });
});
