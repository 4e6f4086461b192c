import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { BUILT_IN_ROLES } from '../../authz/policy-table';
import { byIdLoader } from '../../db/loader-utils';
import { Role } from './role.entity';

const BUILT_IN_ROLE_IDS = BUILT_IN_ROLES.map((r) => r.id);

export function createRoleLoaders(em: EntityManager) {
  return {
    roleById: byIdLoader(em, Role),
    /**
     * The roles an organization can grant: the built-in ones (View, Use, Owner) first, then its
     * custom roles by name. One query for many organizations; built-ins go to each of them.
     */
    rolesByOrganization: new DataLoader<string, Role[]>(async (organizationIds) => {
      const rows = await em
        .createQueryBuilder(Role, 'r')
        .where('r.organization_id = ANY(:organizationIds) OR r.organization_id IS NULL', { organizationIds })
        .orderBy('array_position(CAST(:builtInIds AS uuid[]), r.id)', 'ASC', 'NULLS LAST')
        .addOrderBy('lower(r.name)', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .setParameter('builtInIds', BUILT_IN_ROLE_IDS)
        .getMany();
      return organizationIds.map((id) => rows.filter((r) => r.organizationId === null || r.organizationId === id));
    }),
  };
}
