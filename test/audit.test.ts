import { registerUser, type Account } from './support/factories';
import { addMember } from './support/members';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

// The client document of operations/audit.graphql.
const AUDIT_LOG = `query OrganizationAuditLog($moniker: String!, $first: Int, $after: String) {
  organization(moniker: $moniker) {
    id
    auditLog(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id action createdAt targetType targetId actor { id name } } }
    }
  }
}`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id moniker } } }`;
const CHANGE_PLAN = `mutation($input: ChangePlanInput!) { changePlan(input: $input) { organization { plan } } }`;
const UPDATE_ROLE = `mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { role } } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }`;
const LEAVE = `mutation($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { leftOrganizationId } }`;

interface EventNode {
  id: string;
  action: string;
  createdAt: string;
  targetType: string | null;
  targetId: string | null;
  actor: { id: string; name: string } | null;
}

/** The whole log as `token` reads it, following cursors `first` at a time. */
async function auditLog(token: string, moniker: string, first = 100): Promise<EventNode[]> {
  const events: EventNode[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await api.exec(AUDIT_LOG, { moniker, first, after }, token);
    const log: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: EventNode }> } = dataOf(response).organization.auditLog;
    events.push(...log.edges.map((e) => e.node));
    if (!log.pageInfo.hasNextPage) return events;
    after = log.pageInfo.endCursor;
  }
}

const eventData = (eventId: string) =>
  api.server.database.dataSource.query(`SELECT data FROM audit_events WHERE id = $1`, [eventId]).then((rows) => rows[0].data);

describe('audit log', () => {
  let ann: Account;
  let bob: Account;
  let cat: Account;
  let dan: Account;
  beforeAll(async () => {
    [ann, bob, cat, dan] = await Promise.all([registerUser(api, { name: 'Ann' }), registerUser(api), registerUser(api), registerUser(api)]);
    await addMember(api, ann.organization.id, bob.user.id, 'MEMBER');
    await addMember(api, ann.organization.id, cat.user.id, 'MEMBER');
    await addMember(api, ann.organization.id, dan.user.id, 'MEMBER');
  });

  it("records the organization's and its members' changes, newest first, with their actors", async () => {
    const org = ann.organization;
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, name: 'Renamed', description: 'About us' } }, ann.token));
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: `${org.moniker}-x` } }, ann.token));
    const moniker = `${org.moniker}-x`;
    dataOf(await api.exec(CHANGE_PLAN, { input: { organizationId: org.id, plan: 'PRO' } }, ann.token));
    dataOf(await api.exec(UPDATE_ROLE, { input: { organizationId: org.id, userId: bob.user.id, role: 'ADMIN' } }, ann.token));
    dataOf(await api.exec(REMOVE, { input: { organizationId: org.id, userId: cat.user.id } }, bob.token));
    dataOf(await api.exec(LEAVE, { input: { organizationId: org.id } }, dan.token));

    const events = await auditLog(ann.token, moniker);
    expect(events.map((e) => e.action)).toEqual([
      'member.left',
      'member.removed',
      'member.role_changed',
      'organization.plan_changed',
      'organization.moniker_changed',
      'organization.settings_changed',
      'organization.created',
    ]);
    const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
    const annActor = { id: ann.user.id, name: 'Ann' };
    expect(byAction['organization.created']).toMatchObject({ actor: annActor, targetType: 'Organization', targetId: org.id });
    expect(byAction['member.role_changed']).toMatchObject({ actor: annActor, targetType: 'User', targetId: bob.user.id });
    expect(byAction['member.removed']).toMatchObject({ actor: { id: bob.user.id }, targetId: cat.user.id });
    expect(byAction['member.left']).toMatchObject({ actor: { id: dan.user.id }, targetId: dan.user.id });
    expect(await eventData(byAction['member.role_changed'].id)).toEqual({ from: 'MEMBER', to: 'ADMIN' });
    expect(await eventData(byAction['organization.plan_changed'].id)).toEqual({ from: 'FREE', to: 'PRO' });
    expect(await eventData(byAction['organization.moniker_changed'].id)).toEqual({ from: org.moniker, to: moniker });
    expect(await eventData(byAction['organization.settings_changed'].id)).toEqual({ changed: ['name', 'description'] });
    const times = events.map((e) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Paging one at a time yields the same list; an ADMIN reads it too.
    expect(await auditLog(ann.token, moniker, 1)).toEqual(events);
    expect(await auditLog(bob.token, moniker, 3)).toEqual(events);
  });

  it('records nothing for a refused change', async () => {
    const solo = await registerUser(api);
    const res = await api.exec(LEAVE, { input: { organizationId: solo.organization.id } }, solo.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect((await auditLog(solo.token, solo.organization.moniker)).map((e) => e.action)).toEqual(['organization.created']);
  });

  it('is readable with AUDIT_LOG_VIEW only: FORBIDDEN to MEMBER and ACCOUNTANT, NOT_FOUND to outsiders', async () => {
    const owner = await registerUser(api);
    const [member, accountant, outsider] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    await addMember(api, owner.organization.id, member.user.id, 'MEMBER');
    await addMember(api, owner.organization.id, accountant.user.id, 'ACCOUNTANT');
    const read = (token: string) => api.exec(AUDIT_LOG, { moniker: owner.organization.moniker }, token);
    expect(errorCode(await read(member.token))).toBe('FORBIDDEN');
    expect(errorCode(await read(accountant.token))).toBe('FORBIDDEN');
    expect(errorCode(await read(outsider.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.exec(AUDIT_LOG, { moniker: owner.organization.moniker, first: 0 }, owner.token))).toBe('BAD_USER_INPUT');
  });

  it('reads a page of events and their actors in as many statements whatever its size', async () => {
    const [owner, busy] = await Promise.all([registerUser(api), registerUser(api)]);
    const statements = async (moniker: string, token: string) => (await api.exec(AUDIT_LOG, { moniker, first: 100 }, token)).extensions?.sqlStatements;
    const few = await statements(owner.organization.moniker, owner.token);
    for (let i = 0; i < 20; i += 1) {
      dataOf(await api.exec(CHANGE_PLAN, { input: { organizationId: busy.organization.id, plan: i % 2 ? 'PRO' : 'CORE' } }, busy.token));
    }
    expect((await auditLog(busy.token, busy.organization.moniker)).length).toBe(21);
    expect(typeof few).toBe('number');
    expect(await statements(busy.organization.moniker, busy.token)).toBe(few);
  });
});
