import { In, type EntityManager } from 'typeorm';
import { rowLoader } from '../../db/loader-utils';
import { OrganizationMoniker } from './organization-moniker.entity';
import { Organization } from './organization.entity';

export function createOrganizationLoaders(em: EntityManager) {
  return {
    organizationById: rowLoader(
      (ids: readonly string[]) => em.findBy(Organization, { id: In([...ids]) }),
      (o) => o.id,
    ),
    /** Current and former monikers both resolve. */
    organizationIdByMoniker: rowLoader(
      (monikers: readonly string[]) => em.findBy(OrganizationMoniker, { moniker: In([...monikers]) }),
      (m) => m.moniker,
    ),
  };
}
