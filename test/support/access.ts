import { registerUser, type Account } from './factories';
import type { TestServer } from './server';

/**
 * Direct-SQL helpers for the teams, roles and projects tests: they put people into
 * organizations without invitations (tested on their own) and read what the API wrote.
 */

export const sql = <T = any>(api: TestServer, query: string, params: unknown[] = []): Promise<T[]> => api.server.database.dataSource.query(query, params);

export type OrganizationRole = 'OWNER' | 'ADMIN' | 'MEMBER' | 'ACCOUNTANT';

export const VIEW_ROLE_ID = '00000000-0000-4000-8000-000000000001';
export const USE_ROLE_ID = '00000000-0000-4000-8000-000000000002';
export const OWNER_ROLE_ID = '00000000-0000-4000-8000-000000000003';

/** Makes an existing user a member of the organization with `role` (no team). */
export async function joinOrganization(api: TestServer, organizationId: string, userId: string, role: OrganizationRole): Promise<void> {
  await sql(api, `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [organizationId, userId, role]);
}

/** A newly registered user who is also a `role` of `organizationId`. */
export async function newMember(api: TestServer, organizationId: string, role: OrganizationRole = 'MEMBER'): Promise<Account> {
  const account = await registerUser(api);
  await joinOrganization(api, organizationId, account.user.id, role);
  return account;
}

/** The organization's audit actions, oldest first. */
export async function auditActions(api: TestServer, organizationId: string): Promise<string[]> {
  const rows = await sql(api, `SELECT action FROM audit_events WHERE organization_id = $1 ORDER BY created_at, id`, [organizationId]);
  return rows.map((r) => r.action);
}

export const fieldsOf = (res: { errors?: Array<{ extensions?: { fields?: Array<{ field: string }> } }> }) =>
  res.errors?.[0]?.extensions?.fields?.map((f) => f.field) ?? [];
