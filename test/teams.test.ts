import { auditActions, fieldsOf, newMember, sql } from './support/access';
import { createOrganization, registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const TEAMS = `query($moniker: String!, $first: Int, $after: String) { organization(moniker: $moniker) { id teams {
  id name description isDefault viewerRole
  members(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { role user { id name } } } } } } }`;
const CREATE = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id name description isDefault } } }`;
const UPDATE = `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { team { id name description } } }`;
const DELETE = `mutation($input: DeleteTeamInput!) { deleteTeam(input: $input) { deletedTeamId } }`;
const ADD = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { member { role user { id } } } }`;
const SET_ROLE = `mutation($input: UpdateTeamMemberRoleInput!) { updateTeamMemberRole(input: $input) { member { role user { id } } } }`;
const REMOVE = `mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { removedUserId } }`;
const MISSING_ID = '5b0e3c8e-8f0b-4c6e-9f56-1d7c1a0f0000';

const teamsOf = async (account: Account, moniker = account.organization.moniker, variables: Record<string, unknown> = {}) =>
  dataOf(await api.exec(TEAMS, { moniker, ...variables }, account.token)).organization.teams as any[];
const createTeam = async (account: Account, name: string, organizationId = account.organization.id) =>
  dataOf(await api.exec(CREATE, { input: { organizationId, name } }, account.token)).createTeam.team;

describe('teams', () => {
  it('lists the default team with its creator as TEAM_ADMIN', async () => {
    const ann = await registerUser(api);
    const [team] = await teamsOf(ann);
    expect(team).toMatchObject({ name: 'My team', isDefault: true, viewerRole: 'TEAM_ADMIN', description: null });
    expect(team.members.totalCount).toBe(1);
    expect(team.members.edges[0].node).toEqual({ role: 'TEAM_ADMIN', user: { id: ann.user.id, name: ann.user.name } });
  });

  it('creates teams with names unique per organization, case-insensitively', async () => {
    const ann = await registerUser(api);
    const team = await createTeam(ann, '  Design  ');
    expect(team).toMatchObject({ name: 'Design', isDefault: false });
    expect(errorCode(await api.exec(CREATE, { input: { organizationId: ann.organization.id, name: 'DESIGN' } }, ann.token))).toBe('CONFLICT');
    const renamed = await api.exec(UPDATE, { input: { teamId: team.id, name: 'my TEAM' } }, ann.token);
    expect(errorCode(renamed)).toBe('CONFLICT');
    const blank = await api.exec(CREATE, { input: { organizationId: ann.organization.id, name: '   ' } }, ann.token);
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(blank)).toContain('name');
    // Another organization may use the same name.
    const other = await createOrganization(api, ann.token);
    expect((await createTeam(ann, 'design', other.id)).name).toBe('design');
    const names = (await teamsOf(ann)).map((t) => t.name);
    expect(names).toEqual(['Design', 'My team']);
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['team.created']));
  });

  it('needs TEAMS_MANAGE to create or delete, and answers NOT_FOUND to outsiders', async () => {
    const ann = await registerUser(api);
    const member = await newMember(api, ann.organization.id, 'MEMBER');
    const accountant = await newMember(api, ann.organization.id, 'ACCOUNTANT');
    const admin = await newMember(api, ann.organization.id, 'ADMIN');
    const eve = await registerUser(api);
    const input = { organizationId: ann.organization.id, name: 'Ops' };
    expect(errorCode(await api.exec(CREATE, { input }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(CREATE, { input }, accountant.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(CREATE, { input }, eve.token))).toBe('NOT_FOUND');
    const ops = await createTeam(admin, 'Ops', ann.organization.id);
    expect(errorCode(await api.exec(DELETE, { input: { teamId: ops.id } }, member.token))).toBe('FORBIDDEN');
    const foreign = await api.exec(DELETE, { input: { teamId: ops.id } }, eve.token);
    const missing = await api.exec(DELETE, { input: { teamId: MISSING_ID } }, eve.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(errorCode(await api.exec(DELETE, { input: { teamId: 'not-a-uuid' } }, ann.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(UPDATE, { input: { teamId: ops.id, name: 'x' } }, eve.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(ADD, { input: { teamId: ops.id, userId: eve.user.id } }, eve.token))).toBe('NOT_FOUND');
    expect(dataOf(await api.exec(DELETE, { input: { teamId: ops.id } }, admin.token)).deleteTeam.deletedTeamId).toBe(ops.id);
    expect((await teamsOf(ann)).map((t) => t.name)).toEqual(['My team']);
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['team.created', 'team.deleted']));
  });

  it('never deletes the default team, which is also the last one', async () => {
    const ann = await registerUser(api);
    const [defaultTeam] = await teamsOf(ann);
    expect(errorCode(await api.exec(DELETE, { input: { teamId: defaultTeam.id } }, ann.token))).toBe('CONFLICT');
    await createTeam(ann, 'Second');
    expect(errorCode(await api.exec(DELETE, { input: { teamId: defaultTeam.id } }, ann.token))).toBe('CONFLICT');
    // The default team can be renamed.
    const renamed = dataOf(await api.exec(UPDATE, { input: { teamId: defaultTeam.id, name: 'Everyone', description: 'All of us' } }, ann.token)).updateTeam
      .team;
    expect(renamed).toEqual({ id: defaultTeam.id, name: 'Everyone', description: 'All of us' });
    expect(await auditActions(api, ann.organization.id)).toEqual(expect.arrayContaining(['team.renamed', 'team.updated']));
  });

  it('adds only members of the organization, once', async () => {
    const ann = await registerUser(api);
    const bob = await newMember(api, ann.organization.id);
    const eve = await registerUser(api);
    const team = await createTeam(ann, 'Backend');
    const added = dataOf(await api.exec(ADD, { input: { teamId: team.id, userId: bob.user.id } }, ann.token)).addTeamMember.member;
    expect(added).toEqual({ role: 'TEAM_MEMBER', user: { id: bob.user.id } });
    expect(errorCode(await api.exec(ADD, { input: { teamId: team.id, userId: bob.user.id } }, ann.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(ADD, { input: { teamId: team.id, userId: eve.user.id } }, ann.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(ADD, { input: { teamId: team.id, userId: 'nope' } }, ann.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(ADD, { input: { teamId: team.id, userId: bob.user.id, role: 'BOSS' } }, ann.token))).toBe('BAD_USER_INPUT');
  });

  it('lets a TEAM_ADMIN manage their own team only; TEAM_MEMBER manages nothing', async () => {
    const ann = await registerUser(api);
    const lead = await newMember(api, ann.organization.id);
    const bob = await newMember(api, ann.organization.id);
    const carl = await newMember(api, ann.organization.id);
    const team = await createTeam(ann, 'Platform');
    const otherTeam = await createTeam(ann, 'Sales');
    dataOf(await api.exec(ADD, { input: { teamId: team.id, userId: lead.user.id, role: 'TEAM_ADMIN' } }, ann.token));
    dataOf(await api.exec(ADD, { input: { teamId: team.id, userId: bob.user.id } }, ann.token));

    // The team admin adds, promotes, demotes, removes and renames.
    dataOf(await api.exec(ADD, { input: { teamId: team.id, userId: carl.user.id } }, lead.token));
    const promoted = dataOf(await api.exec(SET_ROLE, { input: { teamId: team.id, userId: carl.user.id, role: 'TEAM_ADMIN' } }, lead.token));
    expect(promoted.updateTeamMemberRole.member).toEqual({ role: 'TEAM_ADMIN', user: { id: carl.user.id } });
    dataOf(await api.exec(SET_ROLE, { input: { teamId: team.id, userId: carl.user.id, role: 'TEAM_MEMBER' } }, lead.token));
    expect(dataOf(await api.exec(REMOVE, { input: { teamId: team.id, userId: carl.user.id } }, lead.token)).removeTeamMember.removedUserId).toBe(carl.user.id);
    dataOf(await api.exec(UPDATE, { input: { teamId: team.id, name: 'Platform team' } }, lead.token));

    // ...but not another team, and not deletion (TEAMS_MANAGE).
    expect(errorCode(await api.exec(ADD, { input: { teamId: otherTeam.id, userId: carl.user.id } }, lead.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(UPDATE, { input: { teamId: otherTeam.id, name: 'Mine' } }, lead.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(DELETE, { input: { teamId: team.id } }, lead.token))).toBe('FORBIDDEN');

    // A TEAM_MEMBER has no team management.
    expect(errorCode(await api.exec(ADD, { input: { teamId: team.id, userId: carl.user.id } }, bob.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(SET_ROLE, { input: { teamId: team.id, userId: bob.user.id, role: 'TEAM_ADMIN' } }, bob.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(REMOVE, { input: { teamId: team.id, userId: lead.user.id } }, bob.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(UPDATE, { input: { teamId: team.id, name: 'Bob' } }, bob.token))).toBe('FORBIDDEN');

    // Missing team members are NOT_FOUND.
    expect(errorCode(await api.exec(REMOVE, { input: { teamId: team.id, userId: carl.user.id } }, lead.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(SET_ROLE, { input: { teamId: team.id, userId: carl.user.id, role: 'TEAM_ADMIN' } }, lead.token))).toBe('NOT_FOUND');

    // Losing TEAM_ADMIN takes effect on the next request.
    dataOf(await api.exec(SET_ROLE, { input: { teamId: team.id, userId: lead.user.id, role: 'TEAM_MEMBER' } }, ann.token));
    expect(errorCode(await api.exec(UPDATE, { input: { teamId: team.id, name: 'Again' } }, lead.token))).toBe('FORBIDDEN');

    const viewerRoles = Object.fromEntries((await teamsOf(bob, ann.organization.moniker)).map((t) => [t.name, t.viewerRole]));
    expect(viewerRoles).toEqual({ 'My team': null, 'Platform team': 'TEAM_MEMBER', Sales: null });
    expect(await auditActions(api, ann.organization.id)).toEqual(
      expect.arrayContaining(['team.member_added', 'team.member_role_changed', 'team.member_removed', 'team.renamed']),
    );
  });

  it('pages team members newest first, with a stable cursor and a true totalCount', async () => {
    const ann = await registerUser(api);
    const team = await createTeam(ann, 'Big');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const member = await newMember(api, ann.organization.id);
      dataOf(await api.exec(ADD, { input: { teamId: team.id, userId: member.user.id } }, ann.token));
      ids.push(member.user.id);
    }
    const page = async (after?: string) => (await teamsOf(ann, undefined, { first: 2, after })).find((t) => t.id === team.id).members;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const connection = await page(after);
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((e: any) => e.node.user.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const bad = await api.exec(TEAMS, { moniker: ann.organization.moniker, after: 'garbage' }, ann.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.exec(TEAMS, { moniker: ann.organization.moniker, first: 101 }, ann.token))).toBe('BAD_USER_INPUT');
  });

  it('reads every team and its members in a fixed number of statements', async () => {
    const small = await registerUser(api);
    // Someone besides the viewer (whose user row the request already holds) in each organization.
    const [smallTeam] = await teamsOf(small);
    await sql(api, `INSERT INTO team_members (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'TEAM_MEMBER')`, [
      smallTeam.id,
      small.organization.id,
      (await newMember(api, small.organization.id)).user.id,
    ]);
    const big = await registerUser(api);
    for (let t = 0; t < 6; t += 1) {
      const team = await createTeam(big, `Team ${t}`);
      for (let m = 0; m < 3; m += 1) {
        const member = await newMember(api, big.organization.id);
        await sql(api, `INSERT INTO team_members (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'TEAM_MEMBER')`, [
          team.id,
          big.organization.id,
          member.user.id,
        ]);
      }
    }
    const count = async (account: Account) =>
      (await api.exec(TEAMS, { moniker: account.organization.moniker, first: 2 }, account.token)).extensions?.sqlStatements;
    const few = await count(small);
    expect(few).toBeGreaterThan(0);
    expect(await count(big)).toBe(few);
  });
});
