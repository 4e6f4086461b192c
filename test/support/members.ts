import { randomBytes } from 'node:crypto';
import { joinOrganization, sql, type OrganizationRole as Role } from './access';
import type { TestServer } from './server';

/**
 * Direct-SQL helpers for member tests: they put people into organizations without going
 * through invitations, which are tested on their own.
 */

export type { Role };

/** Makes an existing user a member with `role`, and TEAM_MEMBER of the organization's default team. */
export async function addMember(api: TestServer, organizationId: string, userId: string, role: Role): Promise<void> {
  await joinOrganization(api, organizationId, userId, role);
  await sql(
    api,
    `INSERT INTO team_members (team_id, organization_id, user_id, role)
     SELECT id, organization_id, $2, 'TEAM_MEMBER' FROM teams WHERE organization_id = $1 AND is_default`,
    [organizationId, userId],
  );
}

/** Creates `names.length` users (who cannot sign in) and adds each as a member; returns their ids in order. */
export async function addUsers(api: TestServer, organizationId: string, names: string[], role: Role = 'MEMBER'): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const email = `${name.toLowerCase().replace(/[^a-z0-9%_]+/g, '.')}-${randomBytes(3).toString('hex')}@example.com`;
    const [{ id }] = await sql(api, `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [email, name]);
    await addMember(api, organizationId, id, role);
    ids.push(id);
  }
  return ids;
}

export async function setRole(api: TestServer, organizationId: string, userId: string, role: Role): Promise<void> {
  await sql(api, `UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId, role]);
}

export async function roleOf(api: TestServer, organizationId: string, userId: string): Promise<Role | null> {
  const rows = await sql(api, `SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
  return rows[0]?.role ?? null;
}

export async function ownerCount(api: TestServer, organizationId: string): Promise<number> {
  const [{ count }] = await sql(api, `SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1 AND role = 'OWNER'`, [organizationId]);
  return count;
}

/** A pending invitation sent by `invitedById`; returns its id. */
export async function insertPendingInvitation(api: TestServer, organizationId: string, invitedById: string): Promise<string> {
  const [{ id }] = await sql(
    api,
    `INSERT INTO invitations (organization_id, email, role, expires_at, invited_by_id)
     VALUES ($1, $2, 'MEMBER', now() + interval '7 days', $3) RETURNING id`,
    [organizationId, `invitee-${randomBytes(4).toString('hex')}@example.com`, invitedById],
  );
  return id;
}

/** A project with a direct grant of the built-in View role to the user; returns the project id. */
export async function insertProjectGrant(api: TestServer, organizationId: string, userId: string): Promise<string> {
  const [{ id }] = await sql(api, `INSERT INTO projects (organization_id, name) VALUES ($1, 'Grant test') RETURNING id`, [organizationId]);
  await sql(api, `INSERT INTO project_grants (organization_id, project_id, user_id, role_id) VALUES ($1, $2, $3, '00000000-0000-4000-8000-000000000001')`, [
    organizationId,
    id,
    userId,
  ]);
  return id;
}

export const countRows = async (api: TestServer, query: string, params: unknown[]): Promise<number> => (await sql(api, query, params))[0].count;
