import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { OrganizationRole, ProjectPermission } from '../../authz/enums';
import { projectPermissions } from '../../authz/policies';
import { pairKey } from '../../graphql/loader-utils';

interface PermissionRow {
  project_id: string;
  user_id: string;
  organization_role: OrganizationRole;
  granted: ProjectPermission[];
}

/**
 * Effective permissions of users on projects, key pairKey(projectId, userId); null when the
 * project is missing or the user is not a member of its organization. SQL gathers the
 * permissions granted to the user and their teams; the pure policy decides the rest.
 */
export function effectivePermissionsLoader(em: EntityManager) {
  return new DataLoader<string, ProjectPermission[] | null>(async (keys) => {
    const pairs = keys.map((k) => k.split(':'));
    const rows: PermissionRow[] = await em.query(
      `SELECT k.project_id, k.user_id, m.role AS organization_role,
              COALESCE(array_agg(DISTINCT perm) FILTER (WHERE perm IS NOT NULL), '{}') AS granted
         FROM unnest($1::uuid[], $2::uuid[]) AS k(project_id, user_id)
         JOIN projects p ON p.id = k.project_id
         JOIN memberships m ON m.organization_id = p.organization_id AND m.user_id = k.user_id
         LEFT JOIN project_grants g ON g.project_id = p.id
              AND (g.user_id = k.user_id OR g.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = k.user_id))
         LEFT JOIN roles r ON r.id = g.role_id
         LEFT JOIN LATERAL unnest(r.permissions) AS perm ON true
        GROUP BY k.project_id, k.user_id, m.role`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const byKey = new Map(rows.map((r) => [pairKey(r.project_id, r.user_id), projectPermissions(r.organization_role, [r.granted])]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

export function createProjectLoaders(em: EntityManager) {
  return {
    effectivePermissions: effectivePermissionsLoader(em),
  };
}
