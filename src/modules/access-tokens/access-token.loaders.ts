import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { ProjectPermission } from '../../authz/enums';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { pairKey, splitPairs } from '../../db/loader-utils';
import { sqlRows } from '../../db/sql';
import { AccessToken } from './access-token.entity';

const toAccessToken = (row: Record<string, unknown>): AccessToken =>
  Object.assign(new AccessToken(), {
    id: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    name: row.name,
    organizationPermissions: row.organization_permissions,
    projectPermissions: row.project_permissions,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  });

export function createAccessTokenLoaders(em: EntityManager) {
  return {
    /**
     * Use as accessTokensPage(request).load(userId): the user's access tokens, newest first,
     * of the organizations they still belong to (a token of an organization they left acts
     * nowhere; it would again, within their new rights, should they come back).
     */
    accessTokensPage: pageLoaders((userIds, request) =>
      pagesPerParent(em, userIds, request, {
        source: `SELECT t.user_id AS parent_id, t.created_at, t.id AS tie_id, t.id, t.user_id, t.organization_id, t.name,
                        t.organization_permissions, t.project_permissions, t.expires_at, t.last_used_at
                   FROM access_tokens t
                   JOIN memberships m ON m.organization_id = t.organization_id AND m.user_id = t.user_id
                  WHERE t.user_id = ANY($1::uuid[])`,
        toNode: toAccessToken,
      }),
    ),
    /**
     * Key pairKey(organizationId, userId): every project permission granted to the user, or to
     * one of their teams, on any project of the organization (what canCreateAccessToken needs
     * beside the role). Read on the primary: it decides what a new token may list.
     */
    projectPermissionsGrantedInOrganization: new DataLoader<string, ProjectPermission[]>(async (keys) => {
      const rows = await sqlRows<{ organization_id: string; user_id: string; granted: ProjectPermission[] }>(
        em,
        `SELECT k.organization_id, k.user_id, COALESCE(array_agg(DISTINCT perm) FILTER (WHERE perm IS NOT NULL), '{}') AS granted
           FROM unnest($1::uuid[], $2::uuid[]) AS k(organization_id, user_id)
           LEFT JOIN project_grants g ON g.organization_id = k.organization_id
                AND (g.user_id = k.user_id OR g.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = k.user_id))
           LEFT JOIN roles r ON r.id = g.role_id
           LEFT JOIN LATERAL unnest(r.permissions) AS perm ON true
          GROUP BY k.organization_id, k.user_id`,
        splitPairs(keys),
      );
      const byKey = new Map(rows.map((r) => [pairKey(r.organization_id, r.user_id), r.granted]));
      return keys.map((key) => byKey.get(key) ?? []);
    }),
  };
}
