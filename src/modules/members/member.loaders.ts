import { type EntityManager } from 'typeorm';
import { groupLoader, pairKey, rowLoader, splitPairs } from '../../db/loader-utils';
import { Membership } from './membership.entity';

export function createMemberLoaders(em: EntityManager) {
  return {
    /** Key: pairKey(organizationId, userId). */
    membership: rowLoader(
      (keys: readonly string[]) => {
        const [organizationIds, userIds] = splitPairs(keys);
        return em
          .createQueryBuilder(Membership, 'm')
          .where('(m.organization_id, m.user_id) IN (SELECT * FROM unnest(CAST(:organizationIds AS uuid[]), CAST(:userIds AS uuid[])))', {
            organizationIds,
            userIds,
          })
          .getMany();
      },
      (m) => pairKey(m.organizationId, m.userId),
    ),
    /** The organizations a user belongs to, oldest membership first. */
    membershipsByUser: groupLoader(
      (userIds: readonly string[]) =>
        em
          .createQueryBuilder(Membership, 'm')
          .where('m.user_id = ANY(:userIds)', { userIds })
          .orderBy('m.created_at', 'ASC')
          .addOrderBy('m.organization_id', 'ASC')
          .getMany(),
      (m) => m.userId,
    ),
  };
}
