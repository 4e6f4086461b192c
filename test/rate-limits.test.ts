import { LoginDocument } from './generated/graphql';
import { joinOrganization } from './support/access';
import { registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * The attempt budgets of CONTRACT.md (Limits), made small here through their variables. Clients
 * are told apart by X-Forwarded-For on a server that trusts its loopback proxy (TRUST_PROXY).
 */
const BUDGETS = {
  RATE_LIMITS: 'on',
  RATE_LIMIT_LOGIN_PER_EMAIL_AND_ADDRESS: '3/15m',
  RATE_LIMIT_LOGIN_PER_ADDRESS: '5/15m',
  RATE_LIMIT_REGISTER_PER_ADDRESS: '3/1h',
  RATE_LIMIT_CREATE_ORGANIZATION_PER_USER: '2/1h',
  RATE_LIMIT_INVITATIONS_PER_ORGANIZATION: '3/1h',
  RATE_LIMIT_INVITATIONS_PER_INVITER: '4/1h',
  RATE_LIMIT_INVITATIONS_PER_RECIPIENT: '2/1d',
};

let behindProxy: TestServer;
let direct: TestServer;
beforeAll(async () => {
  [behindProxy, direct] = await Promise.all([startTestServer({ ...BUDGETS, TRUST_PROXY: 'loopback' }), startTestServer(BUDGETS)]);
});
afterAll(() => Promise.all([behindProxy.stop(), direct.stop()]));

let clients = 0;
/** A client of its own address, as the proxy in front of `api` reports it. */
function newClient(api: TestServer) {
  clients += 1;
  const address = `203.0.113.${clients}`;
  return async (query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<any>> => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
}
type Client = ReturnType<typeof newClient>;

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;
const RESEND = `mutation($input: ResendInvitationInput!) { resendInvitation(input: $input) { invitation { id } } }`;

const PASSWORD = 'correct horse battery';

/** A new account, registered from an address of its own so that seeding spends no shared budget. */
async function account(): Promise<Account> {
  const email = `user-${clients}-${Math.random().toString(36).slice(2)}@example.com`;
  const res = await newClient(behindProxy)(
    `mutation($input: RegisterInput!) { register(input: $input) { token user { id email name } organization { id moniker name } } }`,
    { input: { email, name: 'Someone', password: PASSWORD } },
  );
  return dataOf(res).register as Account;
}
const login = (client: Client, email: string, password: string) => client(LOGIN, { input: { email, password } });
const codes = (responses: Array<GraphQLResponse<unknown>>) => responses.map((r) => errorCode(r) ?? 'OK');
const retryAfter = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.retryAfterSeconds as number;

async function sequentially<T>(count: number, step: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += 1) results.push(await step(i));
  return results;
}

describe('login', () => {
  let ann: Account;
  beforeAll(async () => {
    ann = await account();
  });

  it('a successful login costs nothing', async () => {
    const client = newClient(behindProxy);
    expect(codes(await sequentially(8, () => login(client, ann.user.email, PASSWORD)))).toEqual(Array(8).fill('OK'));
  });

  it('counts failures per email and address: the owner signs in from elsewhere, then waits here too', async () => {
    const attacker = newClient(behindProxy);
    expect(codes(await sequentially(4, (i) => login(attacker, ann.user.email, `wrong password ${i}`)))).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
    ]);
    const limited = await login(attacker, ann.user.email, PASSWORD);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(retryAfter(limited)).toBeGreaterThan(800);
    expect(errorCode(await login(newClient(behindProxy), ann.user.email, PASSWORD))).toBeUndefined();
  });

  it('counts failures per address across email addresses', async () => {
    const client = newClient(behindProxy);
    const results = await sequentially(6, (i) => login(client, `nobody-${i}@example.com`, 'wrong password!'));
    expect(codes(results)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
  });

  it("without TRUST_PROXY, X-Forwarded-For is not believed: every forwarded address spends the socket's budget", async () => {
    const results = await sequentially(6, (i) => login(newClient(direct), `nobody-${i}@example.com`, 'wrong password!'));
    expect(codes(results)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
  });
});

it('limits registrations per address', async () => {
  const client = newClient(behindProxy);
  const register = (i: number) => client(REGISTER, { input: { email: `flood-${clients}-${i}@example.com`, name: 'Flood', password: PASSWORD } });
  const results = await sequentially(4, register);
  expect(codes(results)).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
  expect(retryAfter(results[3])).toBeGreaterThan(3000);
  expect(
    errorCode(await newClient(behindProxy)(REGISTER, { input: { email: `elsewhere-${clients}@example.com`, name: 'Other', password: PASSWORD } })),
  ).toBeUndefined();
});

it('limits createOrganization per user, wherever they connect from', async () => {
  const ann = await account();
  const bob = await account();
  const create = (account: Account) => newClient(behindProxy)(CREATE_ORGANIZATION, { input: { name: 'More', region: 'EU1' } }, account.token);
  expect(codes(await sequentially(3, () => create(ann)))).toEqual(['OK', 'OK', 'RATE_LIMITED']);
  expect(errorCode(await create(bob))).toBeUndefined();
});

describe('invitation emails', () => {
  const invite = (account: Account, organizationId: string, email: string) =>
    behindProxy.exec(INVITE, { input: { organizationId, email, role: 'MEMBER' } }, account.token);

  it('per organization, and per inviter across all their organizations', async () => {
    const ann = await account();
    const second = dataOf(await behindProxy.exec(CREATE_ORGANIZATION, { input: { name: 'Second', region: 'EU1' } }, ann.token)).createOrganization.organization
      .id;
    const results = [
      ...(await sequentially(2, (i) => invite(ann, ann.organization.id, `first-${clients}-${i}@example.com`))),
      ...(await sequentially(3, (i) => invite(ann, second, `second-${clients}-${i}@example.com`))),
    ];
    // Four from the inviter in all, though neither organization spent its three.
    expect(codes(results)).toEqual(['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
    expect(retryAfter(results[4])).toBeGreaterThan(3000);

    const bob = await account();
    const tom = await account();
    await joinOrganization(behindProxy, bob.organization.id, tom.user.id, 'ADMIN');
    const own = await sequentially(3, (i) => invite(bob, bob.organization.id, `bob-${clients}-${i}@example.com`));
    expect(codes(own)).toEqual(['OK', 'OK', 'OK']);
    // The organization's three are spent, whoever invites next.
    expect(errorCode(await invite(tom, bob.organization.id, `tom-${clients}@example.com`))).toBe('RATE_LIMITED');
  });

  it('per recipient address, from every organization, resends included', async () => {
    const ann = await account();
    const bob = await account();
    const target = `target-${clients}@example.com`;
    const sent = dataOf(await invite(ann, ann.organization.id, target)).inviteMember.invitation.id;
    dataOf(await invite(bob, bob.organization.id, target.toUpperCase()));
    expect(errorCode(await behindProxy.exec(RESEND, { input: { invitationId: sent } }, ann.token))).toBe('RATE_LIMITED');
    expect(errorCode(await invite(ann, ann.organization.id, `someone-else-${clients}@example.com`))).toBeUndefined();
  });
});

it('RATE_LIMITS=off spends no budget (test rigs)', async () => {
  const rig = await startTestServer({ ...BUDGETS, RATE_LIMITS: 'off' });
  try {
    const ann = await registerUser(rig);
    const results = await sequentially(6, () => rig.exec(LoginDocument, { input: { email: ann.user.email, password: 'wrong password!' } }));
    expect(codes(results)).toEqual(Array(6).fill('UNAUTHENTICATED'));
    expect(codes(await sequentially(4, () => rig.exec(CREATE_ORGANIZATION, { input: { name: 'Many', region: 'EU1' } }, ann.token)))).toEqual(
      Array(4).fill('OK'),
    );
  } finally {
    await rig.stop();
  }
});
