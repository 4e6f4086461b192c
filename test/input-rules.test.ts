import fc from 'fast-check';
import { fieldsOf, sql } from './support/access';
import { registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/** CONTRACT.md, Input rules: bad text is BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR; text is stored NFC. */
let api: TestServer;
let ann: Account;
beforeAll(async () => {
  api = await startTestServer();
  ann = await registerUser(api);
});
afterAll(() => api.stop());

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id name } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name description } } }`;
const UPDATE_ORGANIZATION = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id description } } }`;
const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id name } } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id name } } }`;
const CREATE_ROLE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { role { id name } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;
const BY_MONIKER = `query($moniker: String!) { organization(moniker: $moniker) { id } }`;
const MEMBERS = `query($moniker: String!, $search: String, $after: String) { organization(moniker: $moniker) { id
  members(search: $search, after: $after) { totalCount edges { node { user { id } } } } } }`;

const org = () => ann.organization.id;
const expectRefused = (res: GraphQLResponse<unknown>, fields: string[]) => {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect([...new Set(fieldsOf(res))].sort()).toEqual(fields.sort());
};

describe('bad text is BAD_USER_INPUT naming the field', () => {
  it('refuses a NUL byte in every name, note, description, search and moniker', async () => {
    const nul = 'Bad\u0000name';
    expectRefused(await api.exec(REGISTER, { input: { email: 'nul@example.com', name: nul, password: 'correct horse battery' } }), ['name']);
    expectRefused(await api.exec(CREATE_ORGANIZATION, { input: { name: nul, description: nul, region: 'EU1' } }, ann.token), ['name', 'description']);
    expectRefused(await api.exec(CREATE_ORGANIZATION, { input: { name: 'Fine', moniker: 'a\u0000b', region: 'EU1' } }, ann.token), ['moniker']);
    expectRefused(await api.exec(UPDATE_ORGANIZATION, { input: { organizationId: org(), description: nul } }, ann.token), ['description']);
    expectRefused(await api.exec(CREATE_TEAM, { input: { organizationId: org(), name: nul } }, ann.token), ['name']);
    expectRefused(await api.exec(CREATE_PROJECT, { input: { organizationId: org(), name: nul } }, ann.token), ['name']);
    expectRefused(await api.exec(CREATE_ROLE, { input: { organizationId: org(), name: nul, permissions: ['PROJECT_VIEW'] } }, ann.token), ['name']);
    expectRefused(await api.exec(INVITE, { input: { organizationId: org(), email: 'invitee@example.com', role: 'MEMBER', note: nul } }, ann.token), ['note']);
    expectRefused(await api.exec(BY_MONIKER, { moniker: 'x\u0000' }, ann.token), ['moniker']);
    expectRefused(await api.exec(MEMBERS, { moniker: ann.organization.moniker, search: '\u0000' }, ann.token), ['search']);
  });

  it('refuses control, zero-width, joiner, bidi-override and unpaired-surrogate characters; a name of them alone too', async () => {
    for (const bad of [
      'Tab\there',
      'Bell\u0007',
      'Zero\u200bwidth',
      'Join\u200dme',
      'Evil\u202egnp.exe',
      'Isolate\u2066x',
      'Half \ud83d',
      '\u200b\u200c',
      '\u3164',
      '\ufeffBOM',
    ]) {
      expectRefused(await api.exec(CREATE_TEAM, { input: { organizationId: org(), name: bad } }, ann.token), ['name']);
    }
  });

  it('accepts ordinary text, emoji included, and stores it NFC-normalized', async () => {
    const decomposed = 'Cafe\u0301 \u2764\ufe0f 東京';
    const team = dataOf(await api.exec(CREATE_TEAM, { input: { organizationId: org(), name: decomposed } }, ann.token)).createTeam.team;
    expect(team.name).toBe('Caf\u00e9 \u2764\ufe0f 東京');
    expect(await sql(api, `SELECT name FROM teams WHERE id = $1`, [team.id])).toEqual([{ name: 'Caf\u00e9 \u2764\ufe0f 東京' }]);
    const found = dataOf(await api.exec(MEMBERS, { moniker: ann.organization.moniker, search: ann.user.name.toLowerCase() }, ann.token));
    expect(found.organization.members.totalCount).toBe(1);
  });

  it('takes emails of at most 254 characters everywhere, login included', async () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;
    expect(long.length).toBe(255);
    expectRefused(await api.exec(LOGIN, { input: { email: long, password: 'correct horse battery' } }), ['email']);
    expectRefused(await api.exec(LOGIN, { input: { email: `${'x'.repeat(300)}@example.com`, password: 'correct horse battery' } }), ['email']);
    expectRefused(await api.exec(REGISTER, { input: { email: long, name: 'Long', password: 'correct horse battery' } }), ['email']);
    expectRefused(await api.exec(INVITE, { input: { organizationId: org(), email: long, role: 'MEMBER' } }, ann.token), ['email']);
    expectRefused(await api.exec(UPDATE_ORGANIZATION, { input: { organizationId: org(), notificationEmail: long } }, ann.token), ['notificationEmail']);
    expect(errorCode(await api.exec(LOGIN, { input: { email: 'a\u0000@example.com', password: 'correct horse battery' } }))).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor that decodes to an impossible position, or holds control characters', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const members = (after: string) => api.exec(MEMBERS, { moniker: ann.organization.moniker, after }, ann.token);
    expectRefused(await members(cursor(['-100000-01-01T00:00:00.000Z', ann.user.id])), ['after']);
    expectRefused(await members(cursor(['+275760-09-13T00:00:00.000Z', ann.user.id])), ['after']);
    expectRefused(await members(cursor([new Date().toISOString(), ann.user.id]) + '\u0000'), ['after']);
    expect(errorCode(await members(cursor([new Date().toISOString(), ann.user.id])))).toBeUndefined();
  });

  it("refuses custom role names that equal a built-in's after NFKC and case folding", async () => {
    const create = (name: string) => api.exec(CREATE_ROLE, { input: { organizationId: org(), name, permissions: ['PROJECT_VIEW'] } }, ann.token);
    for (const name of ['owner', ' VIEW ', '\uff2f\uff57\uff4e\uff45\uff52', 'U\uff53e']) expectRefused(await create(name), ['name']);
    expect(dataOf(await create('Owners')).createRole.role.name).toBe('Owners');
  });
});

describe('no string makes an internal error (property, over HTTP)', () => {
  // Any code points, with the troublesome ones (NUL, controls, bidi, joiners, lone surrogates, combining marks) made frequent.
  const troublesome = fc.constantFrom('\u0000', '\u0007', '\u202e', '\u200d', '\ud83d', '\udc00', 'e\u0301', ' ', 'a', '%', '\\');
  const anyText = fc.string({ unit: fc.oneof(troublesome, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });
  const acceptable = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', undefined]);

  it('team names: refused as BAD_USER_INPUT or stored trimmed and NFC-normalized', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (name) => {
        const res = await api.exec(CREATE_TEAM, { input: { organizationId: org(), name } }, ann.token);
        expect(acceptable.has(errorCode(res))).toBe(true);
        if (!res.errors) expect(res.data.createTeam.team.name).toBe(name.normalize('NFC').trim());
      }),
      { numRuns: 60 },
    );
  });

  it('member search, monikers and cursors', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        for (const res of [
          await api.exec(MEMBERS, { moniker: ann.organization.moniker, search: text }, ann.token),
          await api.exec(MEMBERS, { moniker: ann.organization.moniker, after: text }, ann.token),
          await api.exec(BY_MONIKER, { moniker: text }, ann.token),
          await api.exec(LOGIN, { input: { email: text, password: text } }),
        ]) {
          expect([...acceptable, 'UNAUTHENTICATED']).toContain(errorCode(res));
        }
      }),
      { numRuns: 40 },
    );
  });
});
