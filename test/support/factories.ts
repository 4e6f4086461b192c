import { randomBytes } from 'node:crypto';
import { dataOf, type TestServer } from './server';

export interface Account {
  token: string;
  user: { id: string; email: string; name: string };
  organization: { id: string; moniker: string; name: string };
}

const unique = () => randomBytes(4).toString('hex');

/** Registers a user (and their first organization) through the API. */
export async function registerUser(api: TestServer, overrides: { email?: string; name?: string; password?: string; organizationName?: string } = {}): Promise<Account> {
  const id = unique();
  const input = { email: `user-${id}@example.com`, name: `User ${id}`, password: 'correct horse battery', ...overrides };
  const result = await api.exec(
    `mutation($input: RegisterInput!) { register(input: $input) { token user { id email name } organization { id moniker name } } }`,
    { input },
  );
  return dataOf(result).register as Account;
}

/** Creates another organization for the token's user; returns its id and moniker. */
export async function createOrganization(api: TestServer, token: string, input: Record<string, unknown> = {}): Promise<{ id: string; moniker: string; name: string }> {
  const result = await api.exec(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id moniker name } } }`,
    { input: { name: `Org ${unique()}`, region: 'EU1', ...input } },
    token,
  );
  return dataOf(result).createOrganization.organization;
}
