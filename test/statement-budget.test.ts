import { joinOrganization, sql, USE_ROLE_ID, VIEW_ROLE_ID } from './support/access';
import { CreateAccessTokenDocument } from './generated/graphql';
import { createOrganization, registerUser, type Account } from './support/factories';
import { addUsers, insertPendingInvitation } from './support/members';
import { dataOf, startTestServer, type TestServer } from './support/server';

/**
 * "My organizations" with each one's teams and visible projects costs the same number of SQL
 * statements however many organizations and projects the viewer has: every nested list is
 * batched across its parents.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const DASHBOARD = `{ viewer { organizations(first: 20) { edges { node {
  teams { id }
  projects(first: 20) { edges { node { viewerPermissions } } } } } } } }`;

async function addProjects(organizationId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const [{ id }] = await sql(api, `INSERT INTO projects (organization_id, name) VALUES ($1, $2) RETURNING id`, [organizationId, `P${i}`]);
    ids.push(id);
  }
  return ids;
}

async function dashboard(account: Account) {
  const res = await api.exec(DASHBOARD, {}, account.token);
  const organizations = dataOf(res).viewer.organizations.edges.map((e: any) => e.node);
  return { statements: res.extensions?.sqlStatements ?? 0, organizations };
}

describe('statement budget', () => {
  it('is equal for 2 organizations with 2 projects each and for 9 organizations with many projects', async () => {
    const small = await registerUser(api);
    const second = await createOrganization(api, small.token);
    for (const id of [small.organization.id, second.id]) await addProjects(id, 2);

    const big = await registerUser(api);
    const organizationIds = [big.organization.id];
    for (let i = 0; i < 4; i += 1) organizationIds.push((await createOrganization(api, big.token)).id);
    // Four more where the viewer is a plain MEMBER, who sees projects through direct and team grants only.
    for (let i = 0; i < 4; i += 1) {
      const owner = await registerUser(api);
      await joinOrganization(api, owner.organization.id, big.user.id, 'MEMBER');
      const [{ id: teamId }] = await sql(api, `INSERT INTO teams (organization_id, name) VALUES ($1, 'Readers') RETURNING id`, [owner.organization.id]);
      await sql(api, `INSERT INTO team_members (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'TEAM_MEMBER')`, [
        teamId,
        owner.organization.id,
        big.user.id,
      ]);
      const [direct, viaTeam] = await addProjects(owner.organization.id, 6);
      await sql(api, `INSERT INTO project_grants (organization_id, project_id, user_id, role_id) VALUES ($1, $2, $3, $4)`, [
        owner.organization.id,
        direct,
        big.user.id,
        USE_ROLE_ID,
      ]);
      await sql(api, `INSERT INTO project_grants (organization_id, project_id, team_id, role_id) VALUES ($1, $2, $3, $4)`, [
        owner.organization.id,
        viaTeam,
        teamId,
        VIEW_ROLE_ID,
      ]);
      organizationIds.push(owner.organization.id);
    }
    for (const id of organizationIds.slice(0, 5)) {
      await sql(api, `INSERT INTO teams (organization_id, name) VALUES ($1, 'Extra')`, [id]);
      await addProjects(id, 7);
    }

    const few = await dashboard(small);
    const many = await dashboard(big);
    expect(few.organizations).toHaveLength(2);
    expect(few.organizations.every((o: any) => o.projects.edges.length === 2)).toBe(true);
    expect(many.organizations).toHaveLength(9);
    const visible = many.organizations.map((o: any) => o.projects.edges.length);
    expect(visible).toEqual([7, 7, 7, 7, 7, 2, 2, 2, 2]);
    expect(many.organizations[5].projects.edges.map((e: any) => e.node.viewerPermissions[0])).toEqual(['PROJECT_VIEW', 'PROJECT_VIEW']);
    expect(few.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(few.statements);
  });

  it('is equal for members (filtered too), audit log and invitations of 2 organizations and of 5 busier ones', async () => {
    const LISTS = `{ viewer { organizations(first: 5) { edges { node {
      members(first: 5) { totalCount edges { node { role joinedAt user { id name email } teams { id name } } } }
      admins: members(first: 5, role: ADMIN) { totalCount nodes { user { id } } }
      found: members(first: 5, search: "ann") { totalCount nodes { user { name } } }
      auditLog(first: 5) { totalCount edges { node { action actor { id } } } }
      invitations(first: 5) { totalCount edges { node { email status invitedBy { id } } } }
      pending: invitations(first: 5, status: PENDING) { totalCount } } } } } }`;
    const lists = async (account: Account) => {
      const res = await api.exec(LISTS, {}, account.token);
      return { statements: res.extensions?.sqlStatements ?? 0, organizations: dataOf(res).viewer.organizations.edges.map((e: any) => e.node) };
    };
    // The same kinds of rows in every organization (so every loader has work), only more of them for the busier viewer.
    const fill = async (account: Account, organizationIds: string[]) => {
      for (const [i, id] of organizationIds.entries()) {
        await addUsers(api, id, ['Ann Lee', 'Bob Stone', 'Joanna Park'].slice(0, 1 + (i % 3)));
        await addUsers(api, id, ['Dana Admin'], 'ADMIN');
        for (let j = 0; j <= i % 2; j += 1) await insertPendingInvitation(api, id, account.user.id);
      }
    };
    const small = await registerUser(api);
    await fill(small, [small.organization.id, (await createOrganization(api, small.token)).id]);
    const big = await registerUser(api);
    const organizationIds = [big.organization.id];
    for (let i = 0; i < 4; i += 1) organizationIds.push((await createOrganization(api, big.token)).id);
    await fill(big, organizationIds);

    // The fewest of three reads each: a DataLoader batch is now and then split in two (±2 statements seen).
    const fewest = async (account: Account) => {
      const reads = [await lists(account), await lists(account), await lists(account)];
      return reads.reduce((a, b) => (b.statements < a.statements ? b : a));
    };
    const few = await fewest(small);
    const many = await fewest(big);
    expect(few.organizations).toHaveLength(2);
    expect(few.organizations.map((o: any) => o.members.totalCount)).toEqual([3, 4]);
    expect(many.organizations).toHaveLength(5);
    expect(many.organizations.map((o: any) => o.members.totalCount)).toEqual([3, 4, 5, 3, 4]);
    expect(many.organizations.map((o: any) => o.found.totalCount)).toEqual([1, 1, 2, 1, 1]);
    expect(many.organizations.every((o: any) => o.admins.totalCount === 1 && o.members.edges[0].node.teams.length === 1)).toBe(true);
    expect(many.organizations.map((o: any) => o.invitations.totalCount)).toEqual([1, 2, 1, 2, 1]);
    expect(many.organizations.map((o: any) => o.pending.totalCount)).toEqual([1, 2, 1, 2, 1]);
    expect(many.organizations.every((o: any) => o.auditLog.totalCount > 0 && o.auditLog.edges.length === o.auditLog.totalCount)).toBe(true);
    expect(few.statements).toBeGreaterThan(0);
    // An N+1 would add several statements per organization; a split batch adds at most 2.
    expect(many.statements).toBeLessThanOrEqual(few.statements + 2);
  });

  it('holds the members page at 3 statements (the credential with its memberships, the organization, the page), the same for 10 rows and for 100', async () => {
    const MEMBERS = `query($moniker: String!, $first: Int) { organization(moniker: $moniker) { members(first: $first) { totalCount
      edges { node { role joinedAt user { id name email } teams { id name } } } } } }`;
    const owner = await registerUser(api);
    // An owner of another organization too: the emails of this page must not cost a look there.
    await createOrganization(api, owner.token);
    const { moniker } = dataOf(
      await api.exec(`query($id: ID!) { organization(id: $id) { moniker } }`, { id: owner.organization.id }, owner.token),
    ).organization;
    await addUsers(
      api,
      owner.organization.id,
      Array.from({ length: 119 }, (_, i) => `Member ${i}`),
    );
    const page = async (first: number) => {
      const res = await api.exec(MEMBERS, { moniker, first }, owner.token);
      const { members } = dataOf(res).organization;
      return { statements: res.extensions?.sqlStatements ?? 0, members };
    };
    const [ten, hundred] = [await page(10), await page(100)];
    expect(ten.members.totalCount).toBe(120);
    expect(hundred.members.edges).toHaveLength(100);
    // The owner sees every email; each member is in the default team.
    expect(hundred.members.edges.every((e: any) => e.node.user.email && e.node.teams.length === 1)).toBe(true);
    expect(hundred.statements).toBe(ten.statements);
    expect(hundred.statements).toBeLessThanOrEqual(3);
  });

  it('is no higher for a members page read with an access token than with a session (the lookup and its lastUsedAt touch are one statement)', async () => {
    const owner = await registerUser(api);
    await addUsers(api, owner.organization.id, ['Ann Lee', 'Bob Stone', 'Joanna Park']);
    const { createAccessToken } = dataOf(
      await api.exec(
        CreateAccessTokenDocument,
        {
          input: {
            name: 'budget',
            organizationId: owner.organization.id,
            organizationPermissions: ['ORGANIZATION_VIEW', 'MEMBERS_MANAGE'] as never,
            projectPermissions: [],
          },
        },
        owner.token,
      ),
    );
    const MEMBERS = `query($id: ID!) { organization(id: $id) { viewerPermissions members(first: 5) { totalCount nodes { role user { id name email } teams { id } } } } }`;
    const read = async (token: string) => {
      const res = await api.exec(MEMBERS, { id: owner.organization.id }, token);
      return { statements: res.extensions?.sqlStatements ?? 0, organization: dataOf(res).organization };
    };
    // The fewest of three reads each (a DataLoader batch is now and then split). Every read with
    // the token is one that touches lastUsedAt (cleared before it): the touch adds no statement.
    const untouched = () => sql(api, `UPDATE access_tokens SET last_used_at = NULL WHERE id = $1`, [createAccessToken.accessToken.id]);
    const fewest = async (token: string, before: () => Promise<unknown> = async () => undefined) => {
      const reads = [];
      for (let i = 0; i < 3; i += 1) {
        await before();
        reads.push(await read(token));
      }
      return reads.reduce((a, b) => (b.statements < a.statements ? b : a));
    };
    const withSession = await fewest(owner.token);
    const withToken = await fewest(createAccessToken.token, untouched);
    const [{ last_used_at: touched }] = await sql(api, `SELECT last_used_at FROM access_tokens WHERE id = $1`, [createAccessToken.accessToken.id]);
    expect(touched).not.toBeNull();
    expect(withToken.organization.members).toEqual(withSession.organization.members);
    expect(withToken.organization.viewerPermissions).toEqual(['ORGANIZATION_VIEW', 'MEMBERS_MANAGE']);
    expect(withSession.statements).toBeGreaterThan(0);
    expect(withToken.statements).toBeLessThanOrEqual(withSession.statements);
  });
});
