import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { OrganizationRole, ProjectPermission } from '../../authz/enums';
import type { ProjectStanding } from '../../authz/access';
import { projectPermissions } from '../../authz/policies';
import { PROJECT_SUPERUSER_ROLES } from '../../authz/policy-table';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { byIdLoader, groupLoader, pairKey } from '../../db/loader-utils';
import { ProjectGrant } from './project-grant.entity';
import { Project } from './project.entity';
import { sqlRows } from '../../db/sql';

interface PermissionRow {
  project_id: string;
  user_id: string;
  organization_id: string;
  organization_role: OrganizationRole;
  granted: ProjectPermission[];
}

/**
 * Effective permissions of users on projects (with the project's organization), key
 * pairKey(projectId, userId); null when the project is missing or the user is not a member of
 * its organization. SQL gathers the permissions granted to the user and their teams; the pure
 * policy decides the rest. These are the user's own rights: Access narrows them to the viewer's
 * access token, if any.
 */
export function effectivePermissionsLoader(em: EntityManager) {
  return new DataLoader<string, ProjectStanding | null>(async (keys) => {
    const pairs = keys.map((k) => k.split(':'));
    const rows = await sqlRows<PermissionRow>(
      em,
      `SELECT k.project_id, k.user_id, p.organization_id, m.role AS organization_role,
              COALESCE(array_agg(DISTINCT perm) FILTER (WHERE perm IS NOT NULL), '{}') AS granted
         FROM unnest($1::uuid[], $2::uuid[]) AS k(project_id, user_id)
         JOIN projects p ON p.id = k.project_id
         JOIN memberships m ON m.organization_id = p.organization_id AND m.user_id = k.user_id
         LEFT JOIN project_grants g ON g.project_id = p.id
              AND (g.user_id = k.user_id OR g.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = k.user_id))
         LEFT JOIN roles r ON r.id = g.role_id
         LEFT JOIN LATERAL unnest(r.permissions) AS perm ON true
        GROUP BY k.project_id, k.user_id, p.organization_id, m.role`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const byKey = new Map(
      rows.map((r): [string, ProjectStanding] => [
        pairKey(r.project_id, r.user_id),
        { organizationId: r.organization_id, permissions: projectPermissions(r.organization_role, [r.granted], null) },
      ]),
    );
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * The projects of many organizations that `viewerId` may see, a page each, in one query. The
 * SQL says what projectPermissions says about PROJECT_VIEW: every project for an organization
 * role in PROJECT_SUPERUSER_ROLES, otherwise those with a grant carrying PROJECT_VIEW to the
 * viewer or to one of their teams. So the page and its totalCount hold only visible projects.
 */
function visibleProjectsPage(em: EntityManager) {
  return pageLoaders((organizationIds, request, viewerId) =>
    pagesPerParent(em, organizationIds, request, {
      source: `SELECT p.organization_id AS parent_id, p.created_at, p.id AS tie_id, p.id, p.organization_id, p.name, p.description
                 FROM projects p
                 JOIN memberships m ON m.organization_id = p.organization_id AND m.user_id = $2::uuid
                WHERE p.organization_id = ANY($1::uuid[])
                  AND (m.role = ANY($3::varchar[]) OR EXISTS (
                        SELECT 1 FROM project_grants g JOIN roles r ON r.id = g.role_id
                         WHERE g.project_id = p.id AND $4::text = ANY(r.permissions)
                           AND (g.user_id = $2::uuid OR g.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = $2::uuid))))`,
      params: [viewerId, [...PROJECT_SUPERUSER_ROLES], ProjectPermission.PROJECT_VIEW],
      toNode: (row) =>
        Object.assign(new Project(), {
          id: row.id,
          organizationId: row.organization_id,
          name: row.name,
          description: row.description,
          createdAt: row.created_at,
        }),
    }),
  );
}

export function createProjectLoaders(em: EntityManager) {
  return {
    effectivePermissions: effectivePermissionsLoader(em),
    projectById: byIdLoader(em, Project),
    /** Each project's grants with their roles, oldest first. */
    projectGrants: groupLoader(
      (projectIds: readonly string[]) =>
        em.find(ProjectGrant, { where: { projectId: In([...projectIds]) }, relations: { role: true }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (g) => g.projectId,
    ),
    /** Use as visibleProjectsPage(request, viewerId).load(organizationId). */
    visibleProjectsPage: visibleProjectsPage(em),
  };
}
