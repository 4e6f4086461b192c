import { type EntityManager } from 'typeorm';
import { groupLoader, pairKey, rowLoader } from '../../graphql/loader-utils';
import { TeamMember } from '../teams/team-member.entity';
import { Membership } from './membership.entity';

function splitPairs(keys: readonly string[]): [string[], string[]] {
  const pairs = keys.map((k) => k.split(':'));
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

export function createMemberLoaders(em: EntityManager) {
  return {
    /** Key: pairKey(organizationId, userId). */
    membership: rowLoader(
      (keys: readonly string[]) => {
        const [organizationIds, userIds] = splitPairs(keys);
        return em
          .createQueryBuilder(Membership, 'm')
          .where('(m.organization_id, m.user_id) IN (SELECT * FROM unnest(CAST(:organizationIds AS uuid[]), CAST(:userIds AS uuid[])))', { organizationIds, userIds })
          .getMany();
      },
      (m) => pairKey(m.organizationId, m.userId),
    ),
    /** The organizations a user belongs to, oldest membership first. */
    membershipsByUser: groupLoader(
      (userIds: readonly string[]) =>
        em.createQueryBuilder(Membership, 'm').where('m.user_id = ANY(:userIds)', { userIds }).orderBy('m.created_at', 'ASC').addOrderBy('m.organization_id', 'ASC').getMany(),
      (m) => m.userId,
    ),
    /** Key: pairKey(organizationId, userId). The member's team memberships with their teams, by team name; a whole page in one query. */
    teamMembershipsOfMember: groupLoader(
      (keys: readonly string[]) => {
        const [organizationIds, userIds] = splitPairs(keys);
        return em
          .createQueryBuilder(TeamMember, 'tm')
          .innerJoinAndSelect('tm.team', 't')
          .where('(tm.organization_id, tm.user_id) IN (SELECT * FROM unnest(CAST(:organizationIds AS uuid[]), CAST(:userIds AS uuid[])))', { organizationIds, userIds })
          .orderBy('t.name', 'ASC')
          .addOrderBy('t.id', 'ASC')
          .getMany();
      },
      (tm) => pairKey(tm.organizationId, tm.userId),
    ),
  };
}
