import { joinOrganization, sql, USE_ROLE_ID, VIEW_ROLE_ID } from './support/access';
import { createOrganization, registerUser, type Account } from './support/factories';
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
  return { statements: res.extensions?.sqlStatements, organizations };
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
});
