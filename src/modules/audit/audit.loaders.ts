import type { EntityManager } from 'typeorm';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { AuditEvent } from './audit-event.entity';

/** An audit_events row as read by raw SQL. */
const toAuditEvent = (row: Record<string, unknown>): AuditEvent =>
  Object.assign(new AuditEvent(), {
    id: row.id,
    organizationId: row.organization_id,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    data: row.data,
    createdAt: row.created_at,
  });

export function createAuditLoaders(em: EntityManager) {
  return {
    /** A page of each organization's events, newest first: every organization of the response in one query. */
    auditLogPage: pageLoaders((organizationIds, request) =>
      pagesPerParent(em, organizationIds, request, {
        source: `SELECT e.organization_id AS parent_id, e.created_at, e.id AS tie_id, e.id, e.organization_id, e.actor_id, e.action,
                        e.target_type, e.target_id, e.data
                   FROM audit_events e WHERE e.organization_id = ANY($1::uuid[])`,
        toNode: toAuditEvent,
      }),
    ),
  };
}
