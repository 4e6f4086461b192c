import type { EntityManager } from 'typeorm';
import { entityColumns, entityFromRow } from '../../db/entity-rows';
import { byIdLoader, rowLoader } from '../../db/loader-utils';
import { preparedRows } from '../../db/sql';
import { Organization } from './organization.entity';

const ORGANIZATION = 'o__';

export function createOrganizationLoaders(em: EntityManager) {
  return {
    organizationById: byIdLoader(em, Organization),
    /** The organization a current or former moniker names, found and read in one statement. */
    organizationByMoniker: rowLoader(
      async (monikers: readonly string[]) => {
        const rows = await preparedRows<Record<string, unknown>>(
          em,
          `SELECT om.moniker AS looked_up, ${entityColumns(em, Organization, 'o', ORGANIZATION)}
             FROM organization_monikers om JOIN organizations o ON o.id = om.organization_id
            WHERE om.moniker = ANY($1::text[])`,
          [[...monikers]],
        );
        return rows.map((row) => ({ moniker: row.looked_up as string, organization: entityFromRow(em, Organization, row, ORGANIZATION)! }));
      },
      (found) => found.moniker,
    ),
  };
}
