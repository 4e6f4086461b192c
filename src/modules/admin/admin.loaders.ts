import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { sqlRows } from '../../db/sql';

export function createAdminLoaders(em: EntityManager) {
  return {
    /** How many members each organization has (member_counts, kept by the memberships trigger), for a whole page of organizations in one statement. */
    memberCount: new DataLoader<string, number>(async (organizationIds) => {
      const rows = await sqlRows<{ organization_id: string; count: number }>(
        em,
        `SELECT organization_id, members AS count FROM member_counts WHERE organization_id = ANY($1::uuid[])`,
        [[...organizationIds]],
      );
      const counts = new Map(rows.map((r) => [r.organization_id, r.count]));
      return organizationIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
