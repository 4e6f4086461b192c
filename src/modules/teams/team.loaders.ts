import type { EntityManager } from 'typeorm';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { byIdLoader, groupLoader, pairKey, rowLoader, splitPairs } from '../../db/loader-utils';
import { TeamMember } from './team-member.entity';
import { Team } from './team.entity';

/** A team_members row as read by raw SQL. */
export const toTeamMember = (row: Record<string, unknown>): TeamMember =>
  Object.assign(new TeamMember(), {
    teamId: row.team_id,
    userId: row.user_id,
    organizationId: row.organization_id,
    role: row.role,
    createdAt: row.created_at,
  });

export function createTeamLoaders(em: EntityManager) {
  return {
    teamById: byIdLoader(em, Team),
    /** Each organization's teams, by name (case-insensitively); many organizations in one query. */
    teamsByOrganization: groupLoader(
      (organizationIds: readonly string[]) =>
        em
          .createQueryBuilder(Team, 't')
          .where('t.organization_id = ANY(:organizationIds)', { organizationIds })
          .orderBy('lower(t.name)', 'ASC')
          .addOrderBy('t.id', 'ASC')
          .getMany(),
      (t) => t.organizationId,
    ),
    /** Key: pairKey(teamId, userId); null when the user is not in the team. */
    teamMembership: rowLoader(
      (keys: readonly string[]) => {
        const [teamIds, userIds] = splitPairs(keys);
        return em
          .createQueryBuilder(TeamMember, 'tm')
          .where('(tm.team_id, tm.user_id) IN (SELECT * FROM unnest(CAST(:teamIds AS uuid[]), CAST(:userIds AS uuid[])))', { teamIds, userIds })
          .getMany();
      },
      (tm) => pairKey(tm.teamId, tm.userId),
    ),
    /** Key: pairKey(organizationId, userId). The member's team memberships with their teams, by team name; a whole page in one query. */
    teamMembershipsOfMember: groupLoader(
      (keys: readonly string[]) => {
        const [organizationIds, userIds] = splitPairs(keys);
        return em
          .createQueryBuilder(TeamMember, 'tm')
          .innerJoinAndSelect('tm.team', 't')
          .where('(tm.organization_id, tm.user_id) IN (SELECT * FROM unnest(CAST(:organizationIds AS uuid[]), CAST(:userIds AS uuid[])))', {
            organizationIds,
            userIds,
          })
          .orderBy('t.name', 'ASC')
          .addOrderBy('t.id', 'ASC')
          .getMany();
      },
      (tm) => pairKey(tm.organizationId, tm.userId),
    ),
    /** A page of each team's members, newest first: every team of the response in one query. */
    teamMembersPage: pageLoaders((teamIds, request) =>
      pagesPerParent(em, teamIds, request, {
        source: `SELECT tm.team_id AS parent_id, tm.created_at, tm.user_id AS tie_id, tm.team_id, tm.user_id, tm.organization_id, tm.role
                   FROM team_members tm WHERE tm.team_id = ANY($1::uuid[])`,
        toNode: toTeamMember,
      }),
    ),
  };
}
