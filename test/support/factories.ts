import { randomBytes } from 'node:crypto';
import { CreateOrganizationDocument, RegisterDocument, type CreateOrganizationInput } from '../generated/graphql';
import { dataOf, type TestServer } from './server';

export interface Account {
  token: string;
  user: { id: string; email: string; name: string };
  organization: { id: string; moniker: string; name: string };
}

const unique = () => randomBytes(4).toString('hex');

/** Registers a user (and their first organization) through the API. */
export async function registerUser(
  api: TestServer,
  overrides: { email?: string; name?: string; password?: string; organizationName?: string } = {},
): Promise<Account> {
  const id = unique();
  const input = { email: `user-${id}@example.com`, name: `User ${id}`, password: 'correct horse battery', ...overrides };
  const { register } = dataOf(await api.exec(RegisterDocument, { input }));
  return register as Account;
}

/** Creates another organization for the token's user; returns its id and moniker. */
export async function createOrganization(
  api: TestServer,
  token: string,
  input: Partial<CreateOrganizationInput> = {},
): Promise<{ id: string; moniker: string; name: string }> {
  const { createOrganization: payload } = dataOf(
    await api.exec(CreateOrganizationDocument, { input: { name: `Org ${unique()}`, region: 'EU1', ...input } }, token),
  );
  return payload.organization;
}
