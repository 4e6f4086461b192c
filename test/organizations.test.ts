import { createOrganization, registerUser } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';
import { RESERVED_MONIKERS } from '../src/modules/organizations/moniker';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const BY_MONIKER = `query($moniker: String!) { organization(moniker: $moniker) { id moniker name description notificationEmail region country plan viewerRole viewerPermissions } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id moniker name description notificationEmail country } } }`;

describe('organizations', () => {
  it('register creates an owner organization with the default team', async () => {
    const ann = await registerUser(api, { name: 'Ann Smith', organizationName: 'Acme Inc' });
    expect(ann.organization.moniker).toBe('acme-inc');
    const org = dataOf(await api.exec(BY_MONIKER, { moniker: 'acme-inc' }, ann.token)).organization;
    expect(org).toMatchObject({ name: 'Acme Inc', plan: 'FREE', region: 'EU1', viewerRole: 'OWNER' });
    expect(org.viewerPermissions).toHaveLength(12);
  });

  it('keeps former monikers resolving and reserved', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const org = await createOrganization(api, ann.token, { moniker: 'old-name' });
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: 'new-name' } }, ann.token));
    const viaOld = dataOf(await api.exec(BY_MONIKER, { moniker: 'old-name' }, ann.token)).organization;
    expect(viaOld).toMatchObject({ id: org.id, moniker: 'new-name' });
    const taken = await createOrganization(api, bob.token, { moniker: 'old-name' }).catch((e: Error) => e.message);
    expect(taken).toContain('CONFLICT');
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: 'old-name' } }, ann.token));
  });

  it('answers NOT_FOUND across organizations, exactly as for a missing one', async () => {
    const ann = await registerUser(api);
    const eve = await registerUser(api);
    const foreign = await api.exec(BY_MONIKER, { moniker: ann.organization.moniker }, eve.token);
    const missing = await api.exec(BY_MONIKER, { moniker: 'no-such-org' }, eve.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    const update = await api.exec(UPDATE, { input: { organizationId: ann.organization.id, name: 'Pwned' } }, eve.token);
    expect(errorCode(update)).toBe('NOT_FOUND');
  });
});

const CREATE = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id moniker name description region country plan createdAt viewerRole viewerPermissions } }
}`;
const BY_ID = `query($id: ID!) { organization(id: $id) { id moniker name } }`;
const CHANGE_PLAN = `mutation($input: ChangePlanInput!) { changePlan(input: $input) { organization { id plan } } }`;
const DELETE = `mutation($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { deletedOrganizationId } }`;
const SWITCH = `mutation($input: SwitchOrganizationInput!) { switchOrganization(input: $input) { viewer { id activeOrganization { id moniker } } } }`;
const ACTIVE = `{ viewer { activeOrganization { id } } }`;
const MY_ORGANIZATIONS = `query($first: Int, $after: String) { viewer { organizations(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id moniker viewerRole viewerPermissions } } } } }`;
const PASSWORD = 'correct horse battery';

const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => api.server.database.dataSource.query(query, params);
/** Makes `userId` a member of the organization with `role`, straight in the database. */
const addMember = (organizationId: string, userId: string, role: string) =>
  sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [organizationId, userId, role]);
const fieldsOf = (res: { errors?: Array<{ extensions?: { fields?: Array<{ field: string }> } }> }) => res.errors?.[0]?.extensions?.fields?.map((f) => f.field);
const expectBadInput = (res: Parameters<typeof fieldsOf>[0] & { errors?: unknown[] }, field: string) => {
  expect(errorCode(res as never)).toBe('BAD_USER_INPUT');
  expect(fieldsOf(res)).toContain(field);
};
const activeOf = async (token: string) => dataOf(await api.exec(ACTIVE, {}, token)).viewer.activeOrganization?.id ?? null;

/** CONTRACT.md, Organization roles, verbatim. */
const ROLE_TABLE: Record<string, string[]> = {
  OWNER: [
    'ORGANIZATION_VIEW',
    'ORGANIZATION_SETTINGS_MANAGE',
    'ORGANIZATION_DELETE',
    'BILLING_MANAGE',
    'MEMBERS_INVITE',
    'MEMBERS_MANAGE',
    'OWNERS_MANAGE',
    'TEAMS_MANAGE',
    'PROJECTS_CREATE',
    'ROLES_MANAGE',
    'AUDIT_LOG_VIEW',
    'WEBHOOKS_MANAGE',
  ],
  ADMIN: [
    'ORGANIZATION_VIEW',
    'ORGANIZATION_SETTINGS_MANAGE',
    'BILLING_MANAGE',
    'MEMBERS_INVITE',
    'MEMBERS_MANAGE',
    'TEAMS_MANAGE',
    'PROJECTS_CREATE',
    'ROLES_MANAGE',
    'AUDIT_LOG_VIEW',
    'WEBHOOKS_MANAGE',
  ],
  MEMBER: ['ORGANIZATION_VIEW'],
  ACCOUNTANT: ['ORGANIZATION_VIEW', 'BILLING_MANAGE'],
};

/** An organization of a fresh owner, plus one fresh user in each other role. */
async function organizationWithRoles() {
  const owner = await registerUser(api);
  const org = owner.organization;
  const admin = await registerUser(api);
  const member = await registerUser(api);
  const accountant = await registerUser(api);
  await addMember(org.id, admin.user.id, 'ADMIN');
  await addMember(org.id, member.user.id, 'MEMBER');
  await addMember(org.id, accountant.user.id, 'ACCOUNTANT');
  return { org, owner, admin, member, accountant };
}

describe('createOrganization', () => {
  it('makes the creator OWNER of a FREE organization with the default team "My team", and makes it active', async () => {
    const ann = await registerUser(api);
    const res = dataOf(await api.exec(CREATE, { input: { name: '  Globex  ', description: 'Widgets', region: 'US1', country: 'de' } }, ann.token));
    const org = res.createOrganization.organization;
    expect(org).toMatchObject({ name: 'Globex', description: 'Widgets', region: 'US1', country: 'DE', plan: 'FREE', viewerRole: 'OWNER' });
    expect(org.viewerPermissions.sort()).toEqual([...ROLE_TABLE.OWNER].sort());
    expect(Number.isNaN(Date.parse(org.createdAt))).toBe(false);
    expect(await activeOf(ann.token)).toBe(org.id);

    const teams = await sql(`SELECT id, name, is_default FROM teams WHERE organization_id = $1`, [org.id]);
    expect(teams).toEqual([expect.objectContaining({ name: 'My team', is_default: true })]);
    const teamMembers = await sql(`SELECT user_id, role FROM team_members WHERE team_id = $1`, [teams[0].id]);
    expect(teamMembers).toEqual([{ user_id: ann.user.id, role: 'TEAM_ADMIN' }]);
    const [row] = await sql(`SELECT country FROM organizations WHERE id = $1`, [org.id]);
    expect(row.country).toBe('DE');
  });

  it('needs a session', async () => {
    expect(errorCode(await api.exec(CREATE, { input: { name: 'Anon', region: 'EU1' } }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad name or an unknown country naming the field', async () => {
    const ann = await registerUser(api);
    expectBadInput(await api.exec(CREATE, { input: { name: '   ', region: 'EU1' } }, ann.token), 'name');
    for (const country of ['XX', 'DEU', 'd1', 'EU', '']) {
      expectBadInput(await api.exec(CREATE, { input: { name: 'Countryless', region: 'EU1', country } }, ann.token), 'country');
    }
  });
});

describe('monikers', () => {
  const BAD = [
    ['too short', 'ab'],
    ['too long', 'a'.repeat(40)],
    ['uppercase', 'Acme-inc'],
    ['a double hyphen', 'acme--inc'],
    ['a leading hyphen', '-acme'],
    ['a trailing hyphen', 'acme-'],
    ['an underscore', 'acme_inc'],
  ];
  // Every reserved word, and at least the paths this server itself serves.
  const RESERVED = [...RESERVED_MONIKERS];
  it('reserves the paths the server serves', () => {
    for (const path of ['graphql', 'healthz', 'readyz', 'invitations', 'api', 'static', 'pages', 'verify-email', 'reset-password', 'confirm-email'])
      expect(RESERVED).toContain(path);
  });

  it.each(BAD)('refuses a moniker with %s as BAD_USER_INPUT on moniker (create and update)', async (_label, moniker) => {
    const ann = await registerUser(api);
    expectBadInput(await api.exec(CREATE, { input: { name: 'Bad Moniker', region: 'EU1', moniker } }, ann.token), 'moniker');
    expectBadInput(await api.exec(UPDATE, { input: { organizationId: ann.organization.id, moniker } }, ann.token), 'moniker');
  });

  it('accepts the boundary lengths 3 and 39', async () => {
    const ann = await registerUser(api);
    const short = `a${Math.random().toString(36).slice(2, 4)}`;
    expect((await createOrganization(api, ann.token, { moniker: short })).moniker).toBe(short);
    const long = `b${'0'.repeat(30)}${Date.now().toString(36)}`.slice(0, 39);
    expect((await createOrganization(api, ann.token, { moniker: long })).moniker).toBe(long);
  });

  it('refuses every reserved word', async () => {
    const ann = await registerUser(api);
    for (const moniker of RESERVED) {
      expectBadInput(await api.exec(CREATE, { input: { name: 'Reserved', region: 'EU1', moniker } }, ann.token), 'moniker');
      expectBadInput(await api.exec(UPDATE, { input: { organizationId: ann.organization.id, moniker } }, ann.token), 'moniker');
    }
  });

  it('derives the moniker from the name, made unique by a suffix', async () => {
    const ann = await registerUser(api);
    const name = `Initech ${Date.now().toString(36)}`;
    const first = await createOrganization(api, ann.token, { name });
    const second = await createOrganization(api, ann.token, { name });
    const third = await createOrganization(api, ann.token, { name: name.toUpperCase() });
    const slug = name.toLowerCase().replace(' ', '-');
    expect([first.moniker, second.moniker, third.moniker]).toEqual([slug, `${slug}-2`, `${slug}-3`]);
    // A reserved word as a name still yields a valid moniker.
    expect((await createOrganization(api, ann.token, { name: 'Admin' })).moniker).toMatch(/^admin-\d+$/);
  });

  it('derives around former monikers too', async () => {
    const ann = await registerUser(api);
    const base = `hooli-${Date.now().toString(36)}`;
    const org = await createOrganization(api, ann.token, { moniker: base });
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: `${base}-renamed` } }, ann.token));
    expect((await createOrganization(api, ann.token, { name: base })).moniker).toBe(`${base}-2`);
  });

  it('keeps every former moniker resolving to the organization, reserved for it, and lets it take one back', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const tag = Date.now().toString(36);
    const [m1, m2, m3] = [`first-${tag}`, `second-${tag}`, `third-${tag}`];
    const org = await createOrganization(api, ann.token, { moniker: m1 });
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: m2 } }, ann.token));
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: m3 } }, ann.token));
    for (const moniker of [m1, m2, m3]) {
      expect(dataOf(await api.exec(BY_MONIKER, { moniker }, ann.token)).organization).toMatchObject({ id: org.id, moniker: m3 });
      expect(errorCode(await api.exec(CREATE, { input: { name: 'Thief', region: 'EU1', moniker } }, bob.token))).toBe('CONFLICT');
      expect(errorCode(await api.exec(UPDATE, { input: { organizationId: bob.organization.id, moniker } }, bob.token))).toBe('CONFLICT');
    }
    const back = dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: m1 } }, ann.token)).updateOrganization.organization;
    expect(back.moniker).toBe(m1);
    expect(dataOf(await api.exec(BY_MONIKER, { moniker: m3 }, ann.token)).organization.moniker).toBe(m1);
    // Outsiders cannot tell a former moniker from a free one.
    const foreign = await api.exec(BY_MONIKER, { moniker: m2 }, bob.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('frees every moniker of a deleted organization', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const tag = Date.now().toString(36);
    const org = await createOrganization(api, ann.token, { moniker: `gone-${tag}` });
    const current = dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: `going-${tag}` } }, ann.token)).updateOrganization.organization;
    dataOf(await api.exec(DELETE, { input: { organizationId: org.id, confirmMoniker: current.moniker } }, ann.token));
    expect(await sql(`SELECT moniker FROM organization_monikers WHERE organization_id = $1`, [org.id])).toEqual([]);
    expect((await createOrganization(api, bob.token, { moniker: `gone-${tag}` })).moniker).toBe(`gone-${tag}`);
    expect((await createOrganization(api, bob.token, { moniker: `going-${tag}` })).moniker).toBe(`going-${tag}`);
  });
});

describe('updateOrganization', () => {
  it('stores the country uppercase, refuses an invalid one, and clears it with null', async () => {
    const ann = await registerUser(api);
    const id = ann.organization.id;
    expect(dataOf(await api.exec(UPDATE, { input: { organizationId: id, country: 'fr' } }, ann.token)).updateOrganization.organization.country).toBe('FR');
    expectBadInput(await api.exec(UPDATE, { input: { organizationId: id, country: 'QQ' } }, ann.token), 'country');
    expect(dataOf(await api.exec(BY_MONIKER, { moniker: ann.organization.moniker }, ann.token)).organization.country).toBe('FR');
    expect(dataOf(await api.exec(UPDATE, { input: { organizationId: id, country: null } }, ann.token)).updateOrganization.organization.country).toBeNull();
  });

  it('shows notificationEmail only to ORGANIZATION_SETTINGS_MANAGE holders, and null clears it', async () => {
    const { org, owner, admin, member, accountant } = await organizationWithRoles();
    const set = dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, notificationEmail: 'Alerts@Example.COM' } }, admin.token));
    expect(set.updateOrganization.organization.notificationEmail).toBe('alerts@example.com');
    const seenBy = async (token: string) => dataOf(await api.exec(BY_MONIKER, { moniker: org.moniker }, token)).organization.notificationEmail;
    expect(await seenBy(owner.token)).toBe('alerts@example.com');
    expect(await seenBy(admin.token)).toBe('alerts@example.com');
    expect(await seenBy(member.token)).toBeNull();
    expect(await seenBy(accountant.token)).toBeNull();
    expectBadInput(await api.exec(UPDATE, { input: { organizationId: org.id, notificationEmail: 'nope' } }, owner.token), 'notificationEmail');

    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, notificationEmail: null } }, owner.token));
    expect(await seenBy(owner.token)).toBeNull();
    const [row] = await sql(`SELECT notification_email FROM organizations WHERE id = $1`, [org.id]);
    expect(row.notification_email).toBeNull();
  });

  it('is FORBIDDEN to a MEMBER or ACCOUNTANT', async () => {
    const { org, member, accountant } = await organizationWithRoles();
    for (const who of [member, accountant]) {
      expect(errorCode(await api.exec(UPDATE, { input: { organizationId: org.id, name: 'Mine now' } }, who.token))).toBe('FORBIDDEN');
    }
  });
});

describe('changePlan', () => {
  it('is allowed to OWNER, ADMIN and ACCOUNTANT, FORBIDDEN to MEMBER', async () => {
    const { org, owner, admin, member, accountant } = await organizationWithRoles();
    expect(dataOf(await api.exec(CHANGE_PLAN, { input: { organizationId: org.id, plan: 'PRO' } }, accountant.token)).changePlan.organization).toEqual({
      id: org.id,
      plan: 'PRO',
    });
    expect(dataOf(await api.exec(CHANGE_PLAN, { input: { organizationId: org.id, plan: 'TEAMS' } }, admin.token)).changePlan.organization.plan).toBe('TEAMS');
    expect(dataOf(await api.exec(CHANGE_PLAN, { input: { organizationId: org.id, plan: 'ENTERPRISE' } }, owner.token)).changePlan.organization.plan).toBe(
      'ENTERPRISE',
    );
    expect(errorCode(await api.exec(CHANGE_PLAN, { input: { organizationId: org.id, plan: 'FREE' } }, member.token))).toBe('FORBIDDEN');
    expect(dataOf(await api.exec(BY_MONIKER, { moniker: org.moniker }, member.token)).organization.plan).toBe('ENTERPRISE');
    const outsider = await registerUser(api);
    expect(errorCode(await api.exec(CHANGE_PLAN, { input: { organizationId: org.id, plan: 'FREE' } }, outsider.token))).toBe('NOT_FOUND');
  });
});

describe('deleteOrganization', () => {
  it('needs the current moniker, is OWNER-only, then the organization is gone', async () => {
    const { org, owner, admin, member } = await organizationWithRoles();
    expectBadInput(await api.exec(DELETE, { input: { organizationId: org.id, confirmMoniker: `${org.moniker}-x` } }, owner.token), 'confirmMoniker');
    expect(errorCode(await api.exec(DELETE, { input: { organizationId: org.id, confirmMoniker: org.moniker } }, admin.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(DELETE, { input: { organizationId: org.id, confirmMoniker: org.moniker } }, member.token))).toBe('FORBIDDEN');
    expect(dataOf(await api.exec(BY_ID, { id: org.id }, owner.token)).organization.id).toBe(org.id);

    const res = dataOf(await api.exec(DELETE, { input: { organizationId: org.id, confirmMoniker: org.moniker } }, owner.token));
    expect(res.deleteOrganization.deletedOrganizationId).toBe(org.id);
    for (const who of [owner, admin]) {
      expect(errorCode(await api.exec(BY_ID, { id: org.id }, who.token))).toBe('NOT_FOUND');
      expect(errorCode(await api.exec(BY_MONIKER, { moniker: org.moniker }, who.token))).toBe('NOT_FOUND');
    }
    expect(errorCode(await api.exec(DELETE, { input: { organizationId: org.id, confirmMoniker: org.moniker } }, owner.token))).toBe('NOT_FOUND');
    expect(await activeOf(owner.token)).toBeNull();
    for (const table of ['memberships', 'teams', 'team_members']) {
      expect(await sql(`SELECT 1 FROM ${table} WHERE organization_id = $1`, [org.id])).toEqual([]);
    }
  });
});

describe('organization(id | moniker)', () => {
  it('takes exactly one of id and moniker', async () => {
    const ann = await registerUser(api);
    const both = await api.exec(
      `query($id: ID, $moniker: String) { organization(id: $id, moniker: $moniker) { id } }`,
      { id: ann.organization.id, moniker: ann.organization.moniker },
      ann.token,
    );
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(both)?.length).toBeGreaterThan(0);
    expect(errorCode(await api.exec(`{ organization { id } }`, {}, ann.token))).toBe('BAD_USER_INPUT');
  });

  it('reads a malformed id as missing: NOT_FOUND with the same message', async () => {
    const ann = await registerUser(api);
    const missing = await api.exec(BY_ID, { id: '00000000-0000-4000-8000-00000000abcd' }, ann.token);
    const malformed = await api.exec(BY_ID, { id: 'not-a-uuid' }, ann.token);
    const foreign = await api.exec(BY_ID, { id: (await registerUser(api)).organization.id }, ann.token);
    for (const res of [missing, malformed, foreign]) {
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0].message).toBe(missing.errors?.[0].message);
    }
    expect(errorCode(await api.exec(UPDATE, { input: { organizationId: 'nope', name: 'x' } }, ann.token))).toBe('NOT_FOUND');
  });

  it('resolves a moniker case-insensitively and needs a session', async () => {
    const ann = await registerUser(api);
    expect(dataOf(await api.exec(BY_MONIKER, { moniker: ann.organization.moniker.toUpperCase() }, ann.token)).organization.id).toBe(ann.organization.id);
    expect(errorCode(await api.exec(BY_ID, { id: ann.organization.id }))).toBe('UNAUTHENTICATED');
  });
});

describe('switchOrganization', () => {
  it('switches only to an organization of the viewer, else NOT_FOUND', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const second = await createOrganization(api, ann.token);
    const res = dataOf(await api.exec(SWITCH, { input: { organizationId: ann.organization.id } }, ann.token)).switchOrganization;
    expect(res.viewer).toEqual({ id: ann.user.id, activeOrganization: { id: ann.organization.id, moniker: ann.organization.moniker } });
    for (const organizationId of [bob.organization.id, 'not-a-uuid', '00000000-0000-4000-8000-00000000abcd']) {
      expect(errorCode(await api.exec(SWITCH, { input: { organizationId } }, ann.token))).toBe('NOT_FOUND');
    }
    expect(await activeOf(ann.token)).toBe(ann.organization.id);
    dataOf(await api.exec(SWITCH, { input: { organizationId: second.id } }, ann.token));
    expect(await activeOf(ann.token)).toBe(second.id);
  });

  it('survives logout and login', async () => {
    const ann = await registerUser(api, { password: PASSWORD });
    await createOrganization(api, ann.token);
    dataOf(await api.exec(SWITCH, { input: { organizationId: ann.organization.id } }, ann.token));
    dataOf(await api.exec(`mutation { logout { loggedOut } }`, {}, ann.token));
    const login = dataOf(
      await api.exec(`mutation($input: LoginInput!) { login(input: $input) { token organization { id } } }`, {
        input: { email: ann.user.email, password: PASSWORD },
      }),
    ).login;
    expect(login.organization.id).toBe(ann.organization.id);
    expect(await activeOf(login.token)).toBe(ann.organization.id);
  });

  it('register and createOrganization make the new organization active', async () => {
    const ann = await registerUser(api);
    expect(await activeOf(ann.token)).toBe(ann.organization.id);
    const second = await createOrganization(api, ann.token);
    expect(await activeOf(ann.token)).toBe(second.id);
  });
});

describe('viewer.organizations', () => {
  it('pages through my organizations, oldest membership first', async () => {
    const ann = await registerUser(api);
    const older = await registerUser(api); // an organization created before Ann's others, joined by Ann last
    const created = [];
    for (let i = 0; i < 4; i += 1) created.push(await createOrganization(api, ann.token));
    await addMember(older.organization.id, ann.user.id, 'MEMBER');
    const expected = [ann.organization.id, ...created.map((o) => o.id), older.organization.id];

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = dataOf(await api.exec(MY_ORGANIZATIONS, { first: 2, after }, ann.token)).viewer.organizations;
      expect(page.totalCount).toBe(6);
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((e: any) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);

    const all = dataOf(await api.exec(MY_ORGANIZATIONS, {}, ann.token)).viewer.organizations;
    expect(all.edges.map((e: any) => e.node.viewerRole)).toEqual(['OWNER', 'OWNER', 'OWNER', 'OWNER', 'OWNER', 'MEMBER']);
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first outside 1..100 and a malformed cursor with BAD_USER_INPUT', async () => {
    const ann = await registerUser(api);
    for (const first of [0, 101, -1]) expectBadInput(await api.exec(MY_ORGANIZATIONS, { first }, ann.token), 'first');
    expectBadInput(await api.exec(MY_ORGANIZATIONS, { after: 'garbage' }, ann.token), 'after');
    expectBadInput(await api.exec(MY_ORGANIZATIONS, { after: Buffer.from('["x","y"]').toString('base64url') }, ann.token), 'after');
    expect(dataOf(await api.exec(MY_ORGANIZATIONS, { first: 100 }, ann.token)).viewer.organizations.totalCount).toBe(1);
  });

  it("gives each role exactly CONTRACT.md's viewerPermissions", async () => {
    const { org, owner, admin, member, accountant } = await organizationWithRoles();
    for (const [role, who] of [
      ['OWNER', owner],
      ['ADMIN', admin],
      ['MEMBER', member],
      ['ACCOUNTANT', accountant],
    ] as const) {
      const edges = dataOf(await api.exec(MY_ORGANIZATIONS, {}, who.token)).viewer.organizations.edges;
      const node = edges.find((e: any) => e.node.id === org.id).node;
      expect(node.viewerRole).toBe(role);
      expect([...node.viewerPermissions].sort()).toEqual([...ROLE_TABLE[role]].sort());
      const direct = dataOf(await api.exec(BY_MONIKER, { moniker: org.moniker }, who.token)).organization;
      expect(direct.viewerRole).toBe(role);
      expect([...direct.viewerPermissions].sort()).toEqual([...ROLE_TABLE[role]].sort());
    }
  });
});
