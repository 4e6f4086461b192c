import { createOrganization, registerUser, type Account } from './support/factories';
import { addMember, addUsers, countRows, insertPendingInvitation, insertProjectGrant, ownerCount, roleOf, setRole } from './support/members';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';
import { loadConfig } from '../src/config/config';
import { MemberService } from '../src/modules/members/member.service';
import { Organization } from '../src/modules/organizations/organization.entity';
import type { EntityManager } from 'typeorm';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

// The client documents of operations/members.graphql.
const MEMBERS = `query OrganizationMembers($moniker: String!, $first: Int, $after: String, $search: String, $role: OrganizationRole) {
  organization(moniker: $moniker) {
    id
    members(first: $first, after: $after, search: $search, role: $role) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { role joinedAt user { id name email } teams { id name } } }
    }
  }
}`;
const UPDATE_ROLE = `mutation UpdateMemberRole($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { role user { id } } } }`;
const REMOVE = `mutation RemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }`;
const LEAVE = `mutation LeaveOrganization($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { leftOrganizationId } }`;
const ORGANIZATION = `query($moniker: String!) { organization(moniker: $moniker) { id viewerRole } }`;
const SWITCH = `mutation($input: SwitchOrganizationInput!) { switchOrganization(input: $input) { viewer { id } } }`;

interface MemberNode {
  role: string;
  joinedAt: string;
  user: { id: string; name: string; email: string | null };
  teams: Array<{ id: string; name: string }>;
}

async function members(token: string, moniker: string, args: Record<string, unknown> = {}) {
  const res = await api.exec(MEMBERS, { moniker, ...args }, token);
  const connection = dataOf(res).organization.members;
  return { ...connection, nodes: connection.edges.map((e: { node: MemberNode }) => e.node) as MemberNode[], statements: res.extensions?.sqlStatements };
}

/** Every member the token's user sees, following cursors `first` at a time. */
async function allMembers(token: string, moniker: string, args: Record<string, unknown>, first: number) {
  const nodes: MemberNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await members(token, moniker, { ...args, first, after });
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const names = (nodes: MemberNode[]) => nodes.map((n) => n.user.name);

describe('Organization.members', () => {
  let ann: Account;
  beforeAll(async () => {
    ann = await registerUser(api, { name: 'Ann Owner' });
    await addUsers(api, ann.organization.id, ['Zoë Quux', 'percent 100% sure', 'under_score', 'Plain Person']);
    await addUsers(api, ann.organization.id, ['Ada Admin'], 'ADMIN');
  });

  it('lists newest membership first with users and teams, and pages with a stable totalCount', async () => {
    const first = await members(ann.token, ann.organization.moniker, { first: 2 });
    expect(first.totalCount).toBe(6);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const all = await allMembers(ann.token, ann.organization.moniker, {}, 2);
    expect(names(all)).toEqual(['Ada Admin', 'Plain Person', 'under_score', 'percent 100% sure', 'Zoë Quux', 'Ann Owner']);
    expect(all[0]).toMatchObject({ role: 'ADMIN', teams: [{ name: 'My team' }] });
    expect(all.at(-1)).toMatchObject({ role: 'OWNER', user: { id: ann.user.id, email: ann.user.email }, teams: [{ name: 'My team' }] });
    const joined = all.map((n) => Date.parse(n.joinedAt));
    expect(joined).toEqual([...joined].sort((a, b) => b - a));
  });

  it('searches name or email as a case-insensitive substring, taking % and _ literally', async () => {
    const search = async (text: string) => members(ann.token, ann.organization.moniker, { search: text });
    expect(names((await search('QUUX')).nodes)).toEqual(['Zoë Quux']);
    expect(names((await search('  zoË ')).nodes)).toEqual(['Zoë Quux']);
    expect(names((await search('%')).nodes)).toEqual(['percent 100% sure']);
    expect(names((await search('_')).nodes)).toEqual(['under_score']);
    const byEmail = await search(ann.user.email.slice(2, 12).toUpperCase());
    expect(names(byEmail.nodes)).toEqual(['Ann Owner']);
    expect(byEmail.totalCount).toBe(1);
    const none = await search('nobody-has-this');
    expect(none).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('filters by role, combined with search and pagination', async () => {
    const admins = await members(ann.token, ann.organization.moniker, { role: 'ADMIN' });
    expect(names(admins.nodes)).toEqual(['Ada Admin']);
    expect(admins.totalCount).toBe(1);
    const plainMembers = await allMembers(ann.token, ann.organization.moniker, { role: 'MEMBER' }, 1);
    expect(names(plainMembers)).toEqual(['Plain Person', 'under_score', 'percent 100% sure', 'Zoë Quux']);
    const both = await members(ann.token, ann.organization.moniker, { role: 'OWNER', search: 'ann' });
    expect(names(both.nodes)).toEqual(['Ann Owner']);
    expect((await members(ann.token, ann.organization.moniker, { role: 'OWNER', search: 'quux' })).totalCount).toBe(0);
  });

  it('refuses a bad page size or cursor as BAD_USER_INPUT', async () => {
    for (const args of [{ first: 0 }, { first: 101 }, { after: 'not-a-cursor' }]) {
      const res = await api.exec(MEMBERS, { moniker: ann.organization.moniker, ...args }, ann.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
  });

  it("gives each member their own teams by name, also for two organizations' pages in one request", async () => {
    const owner = await registerUser(api);
    const other = await createOrganization(api, owner.token);
    const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } } }`;
    const ADD_TO_TEAM = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { member { role } } }`;
    const team = async (organizationId: string, name: string) =>
      dataOf(await api.exec(CREATE_TEAM, { input: { organizationId, name } }, owner.token)).createTeam.team.id as string;
    const join = async (teamId: string, userId: string) => dataOf(await api.exec(ADD_TO_TEAM, { input: { teamId, userId } }, owner.token));
    const [zed, alpha, mid] = [await team(owner.organization.id, 'zed'), await team(owner.organization.id, 'Alpha'), await team(owner.organization.id, 'mid')];
    const [bo, cy] = await addUsers(api, owner.organization.id, ['Bo', 'Cy']);
    await join(zed, bo);
    await join(alpha, bo);
    await join(mid, cy);
    const elsewhere = await team(other.id, 'Elsewhere');
    const [di] = await addUsers(api, other.id, ['Di']);
    await join(elsewhere, di);

    const BOTH = `query($a: String!, $b: String!) {
      a: organization(moniker: $a) { members(first: 10) { nodes { user { name } teams { name } } } }
      b: organization(moniker: $b) { members(first: 10) { nodes { user { name } teams { name } } } } }`;
    const { a, b } = dataOf(await api.exec(BOTH, { a: owner.organization.moniker, b: other.moniker }, owner.token));
    const teamsOf = (page: any) => Object.fromEntries(page.members.nodes.map((n: any) => [n.user.name, n.teams.map((t: any) => t.name)]));
    expect(teamsOf(a).Bo).toEqual(expect.arrayContaining(['Alpha', 'zed', 'My team']));
    expect(teamsOf(a).Cy).toEqual(expect.arrayContaining(['mid', 'My team']));
    expect(teamsOf(a).Cy).not.toContain('Alpha');
    expect(teamsOf(b).Di).toEqual(expect.arrayContaining(['Elsewhere', 'My team']));
    expect(teamsOf(b).Di).toHaveLength(2);
    // By name: the order of the organization's own teams list.
    const TEAMS = `query($m: String!) { organization(moniker: $m) { teams { name } } }`;
    const ordered = dataOf(await api.exec(TEAMS, { m: owner.organization.moniker }, owner.token)).organization.teams.map((t: any) => t.name);
    expect(teamsOf(a).Bo).toEqual(ordered.filter((n: string) => ['Alpha', 'zed', 'My team'].includes(n)));
  });

  it('reads a page of 50 members, with users, emails and teams, in as many statements as a page of 2', async () => {
    const owner = await registerUser(api);
    const small = await createOrganization(api, owner.token);
    const large = await createOrganization(api, owner.token);
    await addUsers(api, small.id, ['Solo']);
    await addUsers(
      api,
      large.id,
      Array.from({ length: 49 }, (_, i) => `Many ${i}`),
    );
    const a = await members(owner.token, small.moniker, { first: 100 });
    const b = await members(owner.token, large.moniker, { first: 100 });
    expect(a.nodes).toHaveLength(2);
    expect(b.nodes).toHaveLength(50);
    expect(b.nodes.every((n: MemberNode) => n.user.email && n.teams.length === 1)).toBe(true);
    expect(typeof a.statements).toBe('number');
    expect(b.statements).toBe(a.statements);
  });
});

describe('User.email visibility', () => {
  it('shows emails to the user and to MEMBERS_MANAGE holders of a shared organization; null, without error, to others', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const cat = await registerUser(api);
    await addMember(api, ann.organization.id, bob.user.id, 'MEMBER');
    await addMember(api, ann.organization.id, cat.user.id, 'ADMIN');
    const emailsSeenBy = async (viewer: Account) => {
      const res = await api.exec(MEMBERS, { moniker: ann.organization.moniker }, viewer.token);
      expect(res.errors).toBeUndefined();
      return Object.fromEntries(dataOf(res).organization.members.edges.map((e: { node: MemberNode }) => [e.node.user.id, e.node.user.email]));
    };
    const all = { [ann.user.id]: ann.user.email, [bob.user.id]: bob.user.email, [cat.user.id]: cat.user.email };
    expect(await emailsSeenBy(ann)).toEqual(all);
    expect(await emailsSeenBy(cat)).toEqual(all);
    expect(await emailsSeenBy(bob)).toEqual({ [ann.user.id]: null, [bob.user.id]: bob.user.email, [cat.user.id]: null });
  });
});

describe('member mutations: refusals', () => {
  let ann: Account; // OWNER
  let olga: Account; // OWNER
  let ada: Account; // ADMIN
  let bob: Account; // MEMBER
  let eve: Account; // outsider
  const input = (userId: string, extra: Record<string, unknown> = {}) => ({ input: { organizationId: ann.organization.id, userId, ...extra } });
  beforeAll(async () => {
    [ann, olga, ada, bob, eve] = await Promise.all([registerUser(api), registerUser(api), registerUser(api), registerUser(api), registerUser(api)]);
    await addMember(api, ann.organization.id, olga.user.id, 'OWNER');
    await addMember(api, ann.organization.id, ada.user.id, 'ADMIN');
    await addMember(api, ann.organization.id, bob.user.id, 'MEMBER');
  });

  it('answers NOT_FOUND for outsiders, foreign or missing targets and malformed ids, with one message', async () => {
    const outsider = await api.exec(UPDATE_ROLE, input(bob.user.id, { role: 'ADMIN' }), eve.token);
    const foreignTarget = await api.exec(UPDATE_ROLE, input(eve.user.id, { role: 'ADMIN' }), ann.token);
    const malformed = await api.exec(REMOVE, input('not-a-uuid'), ann.token);
    const missingOrg = await api.exec(LEAVE, { input: { organizationId: '00000000-0000-4000-8000-00000000abcd' } }, ann.token);
    const outsiderLeaves = await api.exec(LEAVE, { input: { organizationId: ann.organization.id } }, eve.token);
    const outsiderRemoves = await api.exec(REMOVE, input(bob.user.id), eve.token);
    const all = [outsider, foreignTarget, malformed, missingOrg, outsiderLeaves, outsiderRemoves];
    expect(all.map(errorCode)).toEqual(Array(all.length).fill('NOT_FOUND'));
    expect(new Set(all.map((r) => r.errors?.[0].message)).size).toBe(1);
  });

  it('answers FORBIDDEN to a MEMBER changing or removing anyone', async () => {
    expect(errorCode(await api.exec(UPDATE_ROLE, input(ada.user.id, { role: 'MEMBER' }), bob.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(UPDATE_ROLE, input(bob.user.id, { role: 'ADMIN' }), bob.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(REMOVE, input(ada.user.id), bob.token))).toBe('FORBIDDEN');
    expect(await roleOf(api, ann.organization.id, ada.user.id)).toBe('ADMIN');
  });

  it('lets an ADMIN manage non-owners but never make, unmake or remove an OWNER', async () => {
    expect(errorCode(await api.exec(UPDATE_ROLE, input(olga.user.id, { role: 'ADMIN' }), ada.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(REMOVE, input(olga.user.id), ada.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(UPDATE_ROLE, input(bob.user.id, { role: 'OWNER' }), ada.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(UPDATE_ROLE, input(ada.user.id, { role: 'OWNER' }), ada.token))).toBe('FORBIDDEN');
    expect(await ownerCount(api, ann.organization.id)).toBe(2);
    const changed = dataOf(await api.exec(UPDATE_ROLE, input(bob.user.id, { role: 'ACCOUNTANT' }), ada.token)).updateMemberRole.member;
    expect(changed).toEqual({ role: 'ACCOUNTANT', user: { id: bob.user.id } });
    dataOf(await api.exec(UPDATE_ROLE, input(bob.user.id, { role: 'MEMBER' }), ada.token));
  });

  it('answers FORBIDDEN, not CONFLICT, when an ADMIN would demote or remove the only OWNER: permission comes before rules', async () => {
    const solo = await registerUser(api);
    const ada = await registerUser(api);
    await addMember(api, solo.organization.id, ada.user.id, 'ADMIN');
    const input = (extra: Record<string, unknown> = {}) => ({ input: { organizationId: solo.organization.id, userId: solo.user.id, ...extra } });
    const demoted = await api.exec(UPDATE_ROLE, input({ role: 'MEMBER' }), ada.token);
    expect(demoted.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(REMOVE, input(), ada.token))).toBe('FORBIDDEN');
    expect(await roleOf(api, solo.organization.id, solo.user.id)).toBe('OWNER');
  });

  it('answers CONFLICT when the last owner would be demoted, removed or leave', async () => {
    const solo = await registerUser(api);
    const own = (extra: Record<string, unknown> = {}) => ({ input: { organizationId: solo.organization.id, userId: solo.user.id, ...extra } });
    expect(errorCode(await api.exec(UPDATE_ROLE, own({ role: 'ADMIN' }), solo.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(REMOVE, own(), solo.token))).toBe('CONFLICT');
    expect(errorCode(await api.exec(LEAVE, { input: { organizationId: solo.organization.id } }, solo.token))).toBe('CONFLICT');
    expect(await roleOf(api, solo.organization.id, solo.user.id)).toBe('OWNER');
    // With a second owner the same steps work: promote, then leave.
    const zed = await registerUser(api);
    await addMember(api, solo.organization.id, zed.user.id, 'MEMBER');
    const promoted = dataOf(await api.exec(UPDATE_ROLE, { input: { organizationId: solo.organization.id, userId: zed.user.id, role: 'OWNER' } }, solo.token));
    expect(promoted.updateMemberRole.member.role).toBe('OWNER');
    expect(dataOf(await api.exec(LEAVE, { input: { organizationId: solo.organization.id } }, solo.token)).leaveOrganization.leftOrganizationId).toBe(
      solo.organization.id,
    );
    expect(errorCode(await api.exec(LEAVE, { input: { organizationId: solo.organization.id } }, zed.token))).toBe('CONFLICT');
  });
});

describe('removing and leaving', () => {
  const mailJobs = (organizationId: string, kind: string) =>
    api.server.database.dataSource.query(
      `SELECT data->'payload' AS payload FROM pgboss.job WHERE name = 'mail' AND data->>'organizationId' = $1 AND data->>'kind' = $2`,
      [organizationId, kind],
    );

  it('removes team memberships and project grants, revokes sent invitations, clears the active organization and ends access at once', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const org = ann.organization;
    await addMember(api, org.id, bob.user.id, 'ADMIN');
    const projectId = await insertProjectGrant(api, org.id, bob.user.id);
    const invitationId = await insertPendingInvitation(api, org.id, bob.user.id);
    const annInvitationId = await insertPendingInvitation(api, org.id, ann.user.id);
    dataOf(await api.exec(SWITCH, { input: { organizationId: org.id } }, bob.token));
    expect(dataOf(await api.exec(ORGANIZATION, { moniker: org.moniker }, bob.token)).organization.viewerRole).toBe('ADMIN');

    const removed = dataOf(await api.exec(REMOVE, { input: { organizationId: org.id, userId: bob.user.id } }, ann.token));
    expect(removed.removeMember.removedUserId).toBe(bob.user.id);

    expect(errorCode(await api.exec(ORGANIZATION, { moniker: org.moniker }, bob.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(UPDATE_ROLE, { input: { organizationId: org.id, userId: ann.user.id, role: 'MEMBER' } }, bob.token))).toBe('NOT_FOUND');
    expect(dataOf(await api.exec(`{ viewer { activeOrganization { id } } }`, {}, bob.token)).viewer.activeOrganization).toBeNull();
    const count = (query: string, params: unknown[]) => countRows(api, query, params);
    expect(await count(`SELECT count(*)::int AS count FROM team_members WHERE organization_id = $1 AND user_id = $2`, [org.id, bob.user.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS count FROM project_grants WHERE project_id = $1`, [projectId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS count FROM users WHERE id = $1 AND active_organization_id IS NULL`, [bob.user.id])).toBe(1);
    const statuses = await api.server.database.dataSource.query(`SELECT id, status FROM invitations WHERE organization_id = $1`, [org.id]);
    expect(Object.fromEntries(statuses.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
      [invitationId]: 'REVOKED',
      [annInvitationId]: 'PENDING',
    });

    expect(await mailJobs(org.id, 'member.removed_notice')).toEqual([
      { payload: { to: [bob.user.email], organization: { name: org.name, moniker: org.moniker } } },
    ]);
    const notifications = (await mailJobs(org.id, 'organization.notification')).map((j: { payload: Record<string, unknown> }) => j.payload);
    expect(notifications).toContainEqual(
      expect.objectContaining({ to: [ann.user.email], notification: { event: 'member.removed', name: bob.user.name, email: bob.user.email } }),
    );
    expect(names((await members(ann.token, org.moniker)).nodes)).toEqual([ann.user.name]);
  });

  it('lets a member leave: access ends, the owners are told, another active organization is kept', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    await addMember(api, ann.organization.id, bob.user.id, 'MEMBER');
    const left = dataOf(await api.exec(LEAVE, { input: { organizationId: ann.organization.id } }, bob.token));
    expect(left.leaveOrganization.leftOrganizationId).toBe(ann.organization.id);
    expect(errorCode(await api.exec(ORGANIZATION, { moniker: ann.organization.moniker }, bob.token))).toBe('NOT_FOUND');
    expect(dataOf(await api.exec(`{ viewer { activeOrganization { id } } }`, {}, bob.token)).viewer.activeOrganization).toEqual({ id: bob.organization.id });
    const notifications = (await mailJobs(ann.organization.id, 'organization.notification')).map((j: { payload: Record<string, unknown> }) => j.payload);
    expect(notifications).toContainEqual(
      expect.objectContaining({ to: [ann.user.email], notification: { event: 'member.left', name: bob.user.name, email: bob.user.email } }),
    );
    expect(await mailJobs(ann.organization.id, 'member.removed_notice')).toEqual([]);
  });
});

describe('racing owner changes', () => {
  it('two owners demoting each other at once over HTTP: one succeeds; the other, demoted by then, is FORBIDDEN; an owner remains', async () => {
    const ann = await registerUser(api);
    const olga = await registerUser(api);
    const org = ann.organization.id;
    await addMember(api, org, olga.user.id, 'OWNER');
    for (let round = 0; round < 15; round += 1) {
      const results = await Promise.all([
        api.exec(UPDATE_ROLE, { input: { organizationId: org, userId: olga.user.id, role: 'ADMIN' } }, ann.token),
        api.exec(UPDATE_ROLE, { input: { organizationId: org, userId: ann.user.id, role: 'ADMIN' } }, olga.token),
      ]);
      const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
      expect(codes).toEqual(['FORBIDDEN', 'OK']);
      expect(await ownerCount(api, org)).toBe(1);
      await setRole(api, org, ann.user.id, 'OWNER');
      await setRole(api, org, olga.user.id, 'OWNER');
    }
  });

  it('two owners demoting themselves at once: one succeeds, the other is the last owner (CONFLICT)', async () => {
    const ann = await registerUser(api);
    const olga = await registerUser(api);
    const org = ann.organization.id;
    await addMember(api, org, olga.user.id, 'OWNER');
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all(
        [ann, olga].map((account) => api.exec(UPDATE_ROLE, { input: { organizationId: org, userId: account.user.id, role: 'ADMIN' } }, account.token)),
      );
      expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      expect(await ownerCount(api, org)).toBe(1);
      await setRole(api, org, ann.user.id, 'OWNER');
      await setRole(api, org, olga.user.id, 'OWNER');
    }
  });

  it('two owners leaving at once: one leaves, the other is CONFLICT', async () => {
    const ann = await registerUser(api);
    const olga = await registerUser(api);
    const org = ann.organization.id;
    await addMember(api, org, olga.user.id, 'OWNER');
    const results = await Promise.all([
      api.exec(LEAVE, { input: { organizationId: org } }, ann.token),
      api.exec(LEAVE, { input: { organizationId: org } }, olga.token),
    ]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await ownerCount(api, org)).toBe(1);
  });
});

/** Resolves for everyone once `parties` callers are waiting. */
function barrier(parties: number): () => Promise<void> {
  let waiting = 0;
  let release!: () => void;
  const open = new Promise<void>((resolve) => (release = resolve));
  return () => {
    waiting += 1;
    if (waiting === parties) release();
    return open;
  };
}

/** The real service, except that both racing transactions reach the lock step before either goes on. */
class SynchronizedMemberService extends MemberService {
  arrive: () => Promise<void> = barrier(2);
  protected override async lockOrganization(em: EntityManager, organizationId: string): Promise<Organization> {
    await this.arrive();
    return super.lockOrganization(em, organizationId);
  }
}

/** The same with the lock step left out: the broken implementation the race tests must catch. */
class UnlockedMemberService extends SynchronizedMemberService {
  protected override async lockOrganization(em: EntityManager, organizationId: string): Promise<Organization> {
    await this.arrive();
    return em.findOneByOrFail(Organization, { id: organizationId });
  }
}

/** Two owners demote each other at once, through `service` directly; returns the owners left and the outcomes. */
async function demoteEachOther(service: SynchronizedMemberService, org: string, a: string, b: string) {
  service.arrive = barrier(2);
  const outcomes = await Promise.all(
    [
      service.updateRole(a, { organizationId: org, userId: b, role: 'ADMIN' as never }, null),
      service.updateRole(b, { organizationId: org, userId: a, role: 'ADMIN' as never }, null),
    ].map((p) =>
      p.then(
        () => 'OK',
        (error: { code?: string; message?: string }) => error.code ?? error.message,
      ),
    ),
  );
  const owners = await ownerCount(api, org);
  await setRole(api, org, a, 'OWNER');
  await setRole(api, org, b, 'OWNER');
  return { owners, outcomes: outcomes.sort() };
}

// PGlite (no DATABASE_URL) has one connection, so two transactions never interleave and no race can be shown there.
const embedded = loadConfig(process.env).databaseUrl === null;
const onRealPostgres = embedded ? it.skip : it;
if (embedded)
  console.warn('members.test.ts: the NEGATIVE CONTROL race test is skipped: the embedded PGlite serializes transactions; set DATABASE_URL to run it.');

describe('racing owner changes: negative control (needs real PostgreSQL)', () => {
  onRealPostgres('without the organization lock the same race ends with zero owners; with it, never', async () => {
    expect(api.server.database.kind).toBe('postgres');
    const ann = await registerUser(api);
    const olga = await registerUser(api);
    const org = ann.organization.id;
    await addMember(api, org, olga.user.id, 'OWNER');
    const { deps } = api.server.services.members;

    const unlocked = new UnlockedMemberService(deps);
    let broken = 0;
    for (let attempt = 0; attempt < 30 && broken === 0; attempt += 1) {
      const { owners, outcomes } = await demoteEachOther(unlocked, org, ann.user.id, olga.user.id);
      if (owners === 0) {
        expect(outcomes).toEqual(['OK', 'OK']);
        broken += 1;
      }
    }
    expect(broken).toBe(1);

    const locked = new SynchronizedMemberService(deps);
    for (let round = 0; round < 15; round += 1) {
      expect(await demoteEachOther(locked, org, ann.user.id, olga.user.id)).toEqual({ owners: 1, outcomes: ['FORBIDDEN', 'OK'] });
    }
  });
});
