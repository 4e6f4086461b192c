import { auditActions, fieldsOf, newMember, sql, OWNER_ROLE_ID, USE_ROLE_ID, VIEW_ROLE_ID } from './support/access';
import { createOrganization, registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const PROJECTS = `query($moniker: String!, $first: Int, $after: String) { organization(moniker: $moniker) { id
  projects(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name description viewerPermissions } } } } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id name description createdAt viewerPermissions organization { id moniker }
  access { role { id name } principal { __typename ... on User { id name } ... on Team { id name } } } } }`;
const EFFECTIVE = `query($projectId: ID!, $userId: ID!) { project(id: $projectId) { id effectivePermissions(userId: $userId) } }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id name description viewerPermissions } } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id name description } } }`;
const DELETE = `mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedProjectId } }`;
const GRANT = `mutation($input: GrantProjectAccessInput!) { grantProjectAccess(input: $input) {
  access { role { id name } principal { __typename ... on User { id } ... on Team { id } } } } }`;
const REVOKE = `mutation($input: RevokeProjectAccessInput!) { revokeProjectAccess(input: $input) { project { id } } }`;
const CREATE_ROLE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }`;
const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } } }`;
const ADD_TO_TEAM = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { member { role } } }`;
const REMOVE_FROM_TEAM = `mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { removedUserId } }`;

const ALL = [
  'PROJECT_VIEW',
  'DATASOURCE_CONNECT',
  'CONTENT_MANAGE',
  'DATASOURCE_EDIT',
  'DATABASE_MASK',
  'DEPLOYMENT_CREATE',
  'PROJECT_SETTINGS_MANAGE',
  'PROJECT_ACCESS_MANAGE',
  'PROJECT_DELETE',
];
const VIEW = ['PROJECT_VIEW', 'DATASOURCE_CONNECT'];
const MISSING_ID = '5b0e3c8e-8f0b-4c6e-9f56-1d7c1a0f0000';

const createProject = async (account: Account, name = 'Project', organizationId = account.organization.id) =>
  dataOf(await api.exec(CREATE, { input: { organizationId, name } }, account.token)).createProject.project;
const grant = (account: Account, input: Record<string, unknown>) => api.exec(GRANT, { input }, account.token);
const projectsOf = async (account: Account, moniker = account.organization.moniker, variables: Record<string, unknown> = {}) =>
  dataOf(await api.exec(PROJECTS, { moniker, ...variables }, account.token)).organization.projects;
const createRole = async (account: Account, name: string, permissions: string[]) =>
  dataOf(await api.exec(CREATE_ROLE, { input: { organizationId: account.organization.id, name, permissions } }, account.token)).createRole.role.id as string;
const createTeam = async (account: Account, name: string) =>
  dataOf(await api.exec(CREATE_TEAM, { input: { organizationId: account.organization.id, name } }, account.token)).createTeam.team.id as string;

describe('projects', () => {
  it('grants the creator Owner; needs PROJECTS_CREATE', async () => {
    const ann = await registerUser(api);
    const admin = await newMember(api, ann.organization.id, 'ADMIN');
    const member = await newMember(api, ann.organization.id, 'MEMBER');
    const eve = await registerUser(api);
    const project = await createProject(ann, '  Website ');
    expect(project).toMatchObject({ name: 'Website', description: null, viewerPermissions: ALL });
    const read = dataOf(await api.exec(PROJECT, { id: project.id }, ann.token)).project;
    expect(read.organization).toEqual({ id: ann.organization.id, moniker: ann.organization.moniker });
    expect(read.access).toEqual([{ role: { id: OWNER_ROLE_ID, name: 'Owner' }, principal: { __typename: 'User', id: ann.user.id, name: ann.user.name } }]);
    expect((await createProject(admin, 'By admin', ann.organization.id)).viewerPermissions).toEqual(ALL);
    const input = { organizationId: ann.organization.id, name: 'Nope' };
    expect(errorCode(await api.exec(CREATE, { input }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(CREATE, { input }, eve.token))).toBe('NOT_FOUND');
    expect(fieldsOf(await api.exec(CREATE, { input: { ...input, name: '' } }, ann.token))).toEqual(['name']);
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['project.created']));
  });

  it('answers NOT_FOUND outside the organization and FORBIDDEN to a member without PROJECT_VIEW', async () => {
    const ann = await registerUser(api);
    const member = await newMember(api, ann.organization.id);
    const eve = await registerUser(api);
    const project = await createProject(ann);
    const foreign = await api.exec(PROJECT, { id: project.id }, eve.token);
    const missing = await api.exec(PROJECT, { id: MISSING_ID }, eve.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(errorCode(await api.exec(PROJECT, { id: 'zzz' }, ann.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(PROJECT, { id: project.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.exec(PROJECT, { id: project.id }, member.token))).toBe('FORBIDDEN');
    for (const [doc, input] of [
      [UPDATE, { projectId: project.id, name: 'x' }],
      [DELETE, { projectId: project.id }],
      [GRANT, { projectId: project.id, userId: eve.user.id, roleId: VIEW_ROLE_ID }],
      [REVOKE, { projectId: project.id, userId: ann.user.id }],
    ] as const) {
      expect(errorCode(await api.exec(doc, { input }, eve.token))).toBe('NOT_FOUND');
      expect(errorCode(await api.exec(doc, { input }, member.token))).toBe('FORBIDDEN');
    }
  });

  it('lists only the projects the viewer may see, with a matching totalCount, newest first', async () => {
    const ann = await registerUser(api);
    const bob = await newMember(api, ann.organization.id);
    const accountant = await newMember(api, ann.organization.id, 'ACCOUNTANT');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await createProject(ann, `P${i}`)).id);
    const all = await projectsOf(ann, undefined, { first: 2 });
    expect(all.totalCount).toBe(5);
    expect(all.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3]]);
    const rest = await projectsOf(ann, undefined, { first: 10, after: all.pageInfo.endCursor });
    expect(rest.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    expect(await projectsOf(bob, ann.organization.moniker)).toMatchObject({ totalCount: 0, edges: [] });
    expect((await projectsOf(accountant, ann.organization.moniker)).totalCount).toBe(0);
    dataOf(await grant(ann, { projectId: ids[1], userId: bob.user.id, roleId: VIEW_ROLE_ID }));
    const teamId = await createTeam(ann, 'Readers');
    dataOf(await api.exec(ADD_TO_TEAM, { input: { teamId, userId: bob.user.id } }, ann.token));
    dataOf(await grant(ann, { projectId: ids[3], teamId, roleId: USE_ROLE_ID }));
    const bobs = await projectsOf(bob, ann.organization.moniker, { first: 1 });
    expect(bobs.totalCount).toBe(2);
    expect(bobs.edges.map((e: any) => e.node.id)).toEqual([ids[3]]);
    const next = await projectsOf(bob, ann.organization.moniker, { first: 1, after: bobs.pageInfo.endCursor });
    expect(next.edges.map((e: any) => [e.node.id, e.node.viewerPermissions])).toEqual([[ids[1], VIEW]]);
    expect(errorCode(await api.exec(PROJECTS, { moniker: ann.organization.moniker, after: 'bad' }, bob.token))).toBe('BAD_USER_INPUT');
  });

  it('grants one role per principal, replaced on re-grant, to members and teams of the organization only', async () => {
    const ann = await registerUser(api);
    const bob = await newMember(api, ann.organization.id);
    const eve = await registerUser(api);
    const project = await createProject(ann);
    const teamId = await createTeam(ann, 'Devs');
    const foreignTeam = await createTeam(eve, 'Theirs');
    const foreignRole = await createRole(eve, 'Theirs', ['PROJECT_VIEW']);
    const input = { projectId: project.id, roleId: VIEW_ROLE_ID };

    expect(fieldsOf(await grant(ann, input)).sort()).toEqual(['teamId', 'userId']);
    expect(fieldsOf(await grant(ann, { ...input, userId: bob.user.id, teamId })).sort()).toEqual(['teamId', 'userId']);
    expect(errorCode(await grant(ann, { ...input, userId: eve.user.id }))).toBe('NOT_FOUND');
    expect(errorCode(await grant(ann, { ...input, userId: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect(errorCode(await grant(ann, { ...input, teamId: foreignTeam }))).toBe('NOT_FOUND');
    expect(errorCode(await grant(ann, { ...input, userId: bob.user.id, roleId: foreignRole }))).toBe('NOT_FOUND');
    expect(errorCode(await grant(ann, { ...input, userId: bob.user.id, roleId: MISSING_ID }))).toBe('NOT_FOUND');

    const first = dataOf(await grant(ann, { ...input, userId: bob.user.id })).grantProjectAccess.access;
    expect(first).toEqual({ role: { id: VIEW_ROLE_ID, name: 'View' }, principal: { __typename: 'User', id: bob.user.id } });
    dataOf(await grant(ann, { ...input, userId: bob.user.id, roleId: USE_ROLE_ID }));
    const team = dataOf(await grant(ann, { ...input, teamId })).grantProjectAccess.access;
    expect(team.principal).toEqual({ __typename: 'Team', id: teamId });
    const access = dataOf(await api.exec(PROJECT, { id: project.id }, ann.token)).project.access;
    expect(access.map((a: any) => [a.principal.__typename, a.principal.id, a.role.name])).toEqual([
      ['User', ann.user.id, 'Owner'],
      ['User', bob.user.id, 'Use'],
      ['Team', teamId, 'View'],
    ]);
    expect(dataOf(await api.exec(PROJECT, { id: project.id }, bob.token)).project.viewerPermissions).toEqual(ALL.slice(0, 6));

    dataOf(await api.exec(REVOKE, { input: { projectId: project.id, userId: bob.user.id } }, ann.token));
    expect(errorCode(await api.exec(REVOKE, { input: { projectId: project.id, userId: bob.user.id } }, ann.token))).toBe('NOT_FOUND');
    expect(fieldsOf(await api.exec(REVOKE, { input: { projectId: project.id } }, ann.token)).sort()).toEqual(['teamId', 'userId']);
    // Bob is not in the team: no access left.
    expect(errorCode(await api.exec(PROJECT, { id: project.id }, bob.token))).toBe('FORBIDDEN');
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['project.access_granted', 'project.access_revoked']));
  });

  it('refuses escalation: nobody grants a permission they do not hold on the project', async () => {
    const ann = await registerUser(api);
    const gatekeeper = await newMember(api, ann.organization.id);
    const user = await newMember(api, ann.organization.id);
    const bob = await newMember(api, ann.organization.id);
    const project = await createProject(ann);
    const keeperRole = await createRole(ann, 'Gatekeeper', ['PROJECT_VIEW', 'PROJECT_ACCESS_MANAGE', 'CONTENT_MANAGE']);
    const subset = await createRole(ann, 'Editor', ['PROJECT_VIEW', 'CONTENT_MANAGE']);
    dataOf(await grant(ann, { projectId: project.id, userId: gatekeeper.user.id, roleId: keeperRole }));
    dataOf(await grant(ann, { projectId: project.id, userId: user.user.id, roleId: USE_ROLE_ID }));

    // View carries DATASOURCE_CONNECT, which the gatekeeper lacks; Owner and Use carry more.
    for (const roleId of [VIEW_ROLE_ID, USE_ROLE_ID, OWNER_ROLE_ID]) {
      expect(errorCode(await grant(gatekeeper, { projectId: project.id, userId: bob.user.id, roleId }))).toBe('FORBIDDEN');
    }
    // Not even to themselves, or to a team.
    expect(errorCode(await grant(gatekeeper, { projectId: project.id, userId: gatekeeper.user.id, roleId: OWNER_ROLE_ID }))).toBe('FORBIDDEN');
    dataOf(await grant(gatekeeper, { projectId: project.id, userId: bob.user.id, roleId: subset }));
    dataOf(await grant(gatekeeper, { projectId: project.id, userId: bob.user.id, roleId: keeperRole }));
    // Use holds no PROJECT_ACCESS_MANAGE at all.
    expect(errorCode(await grant(user, { projectId: project.id, userId: bob.user.id, roleId: VIEW_ROLE_ID }))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(EFFECTIVE, { projectId: project.id, userId: bob.user.id }, user.token))).toBe('FORBIDDEN');
    expect(await sql(api, `SELECT role_id FROM project_grants WHERE project_id = $1 AND user_id = $2`, [project.id, bob.user.id])).toEqual([
      { role_id: keeperRole },
    ]);
  });

  it('refuses revoking a grant whose role carries a permission the revoker does not hold (FORBIDDEN)', async () => {
    const ann = await registerUser(api);
    const gatekeeper = await newMember(api, ann.organization.id);
    const strong = await newMember(api, ann.organization.id);
    const weak = await newMember(api, ann.organization.id);
    const project = await createProject(ann);
    const keeperRole = await createRole(ann, 'Gatekeeper', ['PROJECT_VIEW', 'DATASOURCE_CONNECT', 'PROJECT_ACCESS_MANAGE']);
    for (const [account, roleId] of [
      [gatekeeper, keeperRole],
      [strong, OWNER_ROLE_ID],
      [weak, VIEW_ROLE_ID],
    ] as const) {
      dataOf(await grant(ann, { projectId: project.id, userId: account.user.id, roleId }));
    }
    const revoke = (account: Account, userId: string) => api.exec(REVOKE, { input: { projectId: project.id, userId } }, account.token);
    expect(errorCode(await revoke(gatekeeper, strong.user.id))).toBe('FORBIDDEN');
    expect(await sql(api, `SELECT role_id FROM project_grants WHERE project_id = $1 AND user_id = $2`, [project.id, strong.user.id])).toEqual([
      { role_id: OWNER_ROLE_ID },
    ]);
    // A role within the revoker's permissions can be revoked, and so can their own.
    dataOf(await revoke(gatekeeper, weak.user.id));
    dataOf(await revoke(gatekeeper, gatekeeper.user.id));
  });

  it('reads effective permissions with PROJECT_ACCESS_MANAGE; NOT_FOUND for users outside the organization', async () => {
    const ann = await registerUser(api);
    const bob = await newMember(api, ann.organization.id);
    const admin = await newMember(api, ann.organization.id, 'ADMIN');
    const eve = await registerUser(api);
    const project = await createProject(ann);
    const effective = async (userId: string, token = ann.token) => api.exec(EFFECTIVE, { projectId: project.id, userId }, token);
    expect(dataOf(await effective(bob.user.id)).project.effectivePermissions).toEqual([]);
    expect(dataOf(await effective(admin.user.id)).project.effectivePermissions).toEqual(ALL);
    expect(errorCode(await effective(eve.user.id))).toBe('NOT_FOUND');
    expect(errorCode(await effective('nope'))).toBe('NOT_FOUND');
    dataOf(await grant(ann, { projectId: project.id, userId: bob.user.id, roleId: VIEW_ROLE_ID }));
    expect(dataOf(await effective(bob.user.id)).project.effectivePermissions).toEqual(VIEW);
    expect(errorCode(await effective(ann.user.id, bob.token))).toBe('FORBIDDEN');
    expect(dataOf(await effective(bob.user.id, admin.token)).project.effectivePermissions).toEqual(VIEW);
  });

  it('applies a team membership change on the next request', async () => {
    const ann = await registerUser(api);
    const bob = await newMember(api, ann.organization.id);
    const project = await createProject(ann);
    const teamId = await createTeam(ann, 'Ops');
    dataOf(await grant(ann, { projectId: project.id, teamId, roleId: USE_ROLE_ID }));
    expect(errorCode(await api.exec(PROJECT, { id: project.id }, bob.token))).toBe('FORBIDDEN');
    dataOf(await api.exec(ADD_TO_TEAM, { input: { teamId, userId: bob.user.id } }, ann.token));
    expect(dataOf(await api.exec(PROJECT, { id: project.id }, bob.token)).project.viewerPermissions).toEqual(ALL.slice(0, 6));
    expect((await projectsOf(bob, ann.organization.moniker)).totalCount).toBe(1);
    dataOf(await api.exec(REMOVE_FROM_TEAM, { input: { teamId, userId: bob.user.id } }, ann.token));
    expect(errorCode(await api.exec(PROJECT, { id: project.id }, bob.token))).toBe('FORBIDDEN');
    expect((await projectsOf(bob, ann.organization.moniker)).totalCount).toBe(0);
    // A promotion to ADMIN gives every permission, a demotion takes it back.
    await sql(api, `UPDATE memberships SET role = 'ADMIN' WHERE organization_id = $1 AND user_id = $2`, [ann.organization.id, bob.user.id]);
    expect(dataOf(await api.exec(PROJECT, { id: project.id }, bob.token)).project.viewerPermissions).toEqual(ALL);
  });

  it('updates with PROJECT_SETTINGS_MANAGE and deletes with PROJECT_DELETE', async () => {
    const ann = await registerUser(api);
    const user = await newMember(api, ann.organization.id);
    const project = await createProject(ann);
    dataOf(await grant(ann, { projectId: project.id, userId: user.user.id, roleId: USE_ROLE_ID }));
    expect(errorCode(await api.exec(UPDATE, { input: { projectId: project.id, name: 'Mine' } }, user.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(DELETE, { input: { projectId: project.id } }, user.token))).toBe('FORBIDDEN');
    const updated = dataOf(await api.exec(UPDATE, { input: { projectId: project.id, name: ' Renamed ', description: 'About' } }, ann.token)).updateProject
      .project;
    expect(updated).toEqual({ id: project.id, name: 'Renamed', description: 'About' });
    expect(fieldsOf(await api.exec(UPDATE, { input: { projectId: project.id, name: '' } }, ann.token))).toEqual(['name']);
    expect(dataOf(await api.exec(DELETE, { input: { projectId: project.id } }, ann.token)).deleteProject.deletedProjectId).toBe(project.id);
    expect(errorCode(await api.exec(PROJECT, { id: project.id }, ann.token))).toBe('NOT_FOUND');
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['project.updated', 'project.deleted']));
  });

  it('keeps projects of one organization away from another one of the same owner', async () => {
    const ann = await registerUser(api);
    const second = await createOrganization(api, ann.token);
    const project = await createProject(ann, 'Second org project', second.id);
    expect((await projectsOf(ann)).totalCount).toBe(0);
    expect((await projectsOf(ann, second.moniker)).edges.map((e: any) => e.node.id)).toEqual([project.id]);
  });
});
