import { auditActions, fieldsOf, newMember, sql, OWNER_ROLE_ID, VIEW_ROLE_ID } from './support/access';
import { createOrganization, registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const ROLES = `query($moniker: String!) { organization(moniker: $moniker) { id roles { id name description builtIn permissions } } }`;
const CREATE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { role { id name description builtIn permissions } } }`;
const UPDATE = `mutation($input: UpdateRoleInput!) { updateRole(input: $input) { role { id name description permissions } } }`;
const DELETE = `mutation($input: DeleteRoleInput!) { deleteRole(input: $input) { deletedRoleId } }`;

const rolesOf = async (account: Account) => dataOf(await api.exec(ROLES, { moniker: account.organization.moniker }, account.token)).organization.roles as any[];
const createRole = async (account: Account, name: string, permissions = ['PROJECT_VIEW'], organizationId = account.organization.id) =>
  dataOf(await api.exec(CREATE, { input: { organizationId, name, permissions } }, account.token)).createRole.role;

describe('project roles', () => {
  it('lists the built-in roles first (View, Use, Owner), then custom roles by name', async () => {
    const ann = await registerUser(api);
    expect((await rolesOf(ann)).map((r) => [r.name, r.builtIn])).toEqual([
      ['View', true],
      ['Use', true],
      ['Owner', true],
    ]);
    await createRole(ann, 'zeta');
    await createRole(ann, 'Alpha', ['DEPLOYMENT_CREATE', 'PROJECT_VIEW', 'PROJECT_VIEW']);
    const roles = await rolesOf(ann);
    expect(roles.map((r) => r.name)).toEqual(['View', 'Use', 'Owner', 'Alpha', 'zeta']);
    expect(roles[0].permissions).toEqual(['PROJECT_VIEW', 'DATASOURCE_CONNECT']);
    expect(roles[2].permissions).toHaveLength(9);
    // Stored without duplicates, in catalog order.
    expect(roles[3]).toMatchObject({ builtIn: false, permissions: ['PROJECT_VIEW', 'DEPLOYMENT_CREATE'] });
    // Other organizations do not see them.
    const bob = await registerUser(api);
    expect((await rolesOf(bob)).map((r) => r.name)).toEqual(['View', 'Use', 'Owner']);
  });

  it('needs PROJECT_VIEW in every role', async () => {
    const ann = await registerUser(api);
    const res = await api.exec(CREATE, { input: { organizationId: ann.organization.id, name: 'Blind', permissions: ['DEPLOYMENT_CREATE'] } }, ann.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['permissions']);
    const role = await createRole(ann, 'Seer');
    const update = await api.exec(UPDATE, { input: { roleId: role.id, permissions: [] } }, ann.token);
    expect(errorCode(update)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(update)).toEqual(['permissions']);
    const blank = await api.exec(CREATE, { input: { organizationId: ann.organization.id, name: ' ', permissions: ['PROJECT_VIEW'] } }, ann.token);
    expect(fieldsOf(blank)).toEqual(['name']);
  });

  it('keeps names unique in the organization (CONFLICT) and apart from the built-ins (BAD_USER_INPUT), case-insensitively', async () => {
    const ann = await registerUser(api);
    const input = (name: string) => ({ input: { organizationId: ann.organization.id, name, permissions: ['PROJECT_VIEW'] } });
    expect(errorCode(await api.exec(CREATE, input('owner'), ann.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.exec(CREATE, input(' VIEW '), ann.token))).toBe('BAD_USER_INPUT');
    const role = await createRole(ann, 'Reviewer');
    expect(errorCode(await api.exec(CREATE, input('reviewer'), ann.token))).toBe('CONFLICT');
    const other = await createRole(ann, 'Tester');
    expect(errorCode(await api.exec(UPDATE, { input: { roleId: other.id, name: 'REVIEWER' } }, ann.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(UPDATE, { input: { roleId: other.id, name: 'use' } }, ann.token))).toBe('BAD_USER_INPUT');
    const secondOrg = await createOrganization(api, ann.token);
    expect((await createRole(ann, 'reviewer', undefined, secondOrg.id)).name).toBe('reviewer');
    const updated = dataOf(
      await api.exec(
        UPDATE,
        { input: { roleId: role.id, name: 'Reviewer 2', description: 'Reads', permissions: ['PROJECT_VIEW', 'CONTENT_MANAGE'] } },
        ann.token,
      ),
    );
    expect(updated.updateRole.role).toEqual({ id: role.id, name: 'Reviewer 2', description: 'Reads', permissions: ['PROJECT_VIEW', 'CONTENT_MANAGE'] });
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['role.created', 'role.updated']));
  });

  it('needs ROLES_MANAGE; outsiders get NOT_FOUND; built-in roles are FORBIDDEN to change', async () => {
    const ann = await registerUser(api);
    const member = await newMember(api, ann.organization.id, 'MEMBER');
    const accountant = await newMember(api, ann.organization.id, 'ACCOUNTANT');
    const admin = await newMember(api, ann.organization.id, 'ADMIN');
    const eve = await registerUser(api);
    const input = { organizationId: ann.organization.id, name: 'Custom', permissions: ['PROJECT_VIEW'] };
    expect(errorCode(await api.exec(CREATE, { input }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(CREATE, { input }, accountant.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(CREATE, { input }, eve.token))).toBe('NOT_FOUND');
    const role = await createRole(admin, 'Custom', undefined, ann.organization.id);
    expect(errorCode(await api.exec(UPDATE, { input: { roleId: role.id, name: 'Mine' } }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(DELETE, { input: { roleId: role.id } }, member.token))).toBe('FORBIDDEN');
    const foreign = await api.exec(UPDATE, { input: { roleId: role.id, name: 'Mine' } }, eve.token);
    const missing = await api.exec(UPDATE, { input: { roleId: '5b0e3c8e-8f0b-4c6e-9f56-1d7c1a0f0000', name: 'Mine' } }, eve.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(errorCode(await api.exec(DELETE, { input: { roleId: role.id } }, eve.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(DELETE, { input: { roleId: 'bad id' } }, ann.token))).toBe('NOT_FOUND');
    for (const token of [ann.token, admin.token, member.token, eve.token]) {
      expect(errorCode(await api.exec(UPDATE, { input: { roleId: OWNER_ROLE_ID, name: 'Boss' } }, token))).toBe('FORBIDDEN');
      expect(errorCode(await api.exec(DELETE, { input: { roleId: VIEW_ROLE_ID } }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await api.exec(DELETE, { input: { roleId: VIEW_ROLE_ID } }))).toBe('UNAUTHENTICATED');
    expect(dataOf(await api.exec(DELETE, { input: { roleId: role.id } }, admin.token)).deleteRole.deletedRoleId).toBe(role.id);
    expect((await rolesOf(ann)).map((r) => r.name)).toEqual(['View', 'Use', 'Owner']);
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['role.created', 'role.deleted']));
  });

  it('refuses to delete a role still granted or named in a pending invitation (CONFLICT)', async () => {
    const ann = await registerUser(api);
    const org = ann.organization.id;
    const role = await createRole(ann, 'Granted');
    const [{ id: projectId }] = await sql(api, `INSERT INTO projects (organization_id, name) VALUES ($1, 'P') RETURNING id`, [org]);
    const [{ id: grantId }] = await sql(
      api,
      `INSERT INTO project_grants (organization_id, project_id, user_id, role_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [org, projectId, ann.user.id, role.id],
    );
    expect(errorCode(await api.exec(DELETE, { input: { roleId: role.id } }, ann.token))).toBe('CONFLICT');
    await sql(api, `DELETE FROM project_grants WHERE id = $1`, [grantId]);

    const [{ id: invitationId }] = await sql(
      api,
      `INSERT INTO invitations (organization_id, email, role, expires_at) VALUES ($1, 'x@example.com', 'MEMBER', now() + interval '7 days') RETURNING id`,
      [org],
    );
    await sql(api, `INSERT INTO invitation_project_grants (invitation_id, project_id, organization_id, role_id) VALUES ($1, $2, $3, $4)`, [
      invitationId,
      projectId,
      org,
      role.id,
    ]);
    expect(errorCode(await api.exec(DELETE, { input: { roleId: role.id } }, ann.token))).toBe('CONFLICT');
    // Expired but still resendable: it still counts.
    await sql(api, `UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [invitationId]);
    expect(errorCode(await api.exec(DELETE, { input: { roleId: role.id } }, ann.token))).toBe('CONFLICT');
    await sql(api, `UPDATE invitations SET status = 'REVOKED' WHERE id = $1`, [invitationId]);
    dataOf(await api.exec(DELETE, { input: { roleId: role.id } }, ann.token));
    expect(await sql(api, `SELECT 1 FROM roles WHERE id = $1`, [role.id])).toHaveLength(0);
  });
});
