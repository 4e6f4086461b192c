import type { DataSource, EntityManager } from 'typeorm';
import { afterCondition, afterParams, type PageRequest } from '../../graphql/pagination';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  /** `noun.verb`, e.g. `member.role_changed`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** What changed: never a token or a password. */
  data?: Record<string, unknown>;
}

/** Appends audit events inside the caller's transaction, so they commit or roll back with the change. */
export function recordAudit(em: EntityManager, entry: AuditEntry): Promise<unknown> {
  return em.insert(AuditEvent, {
    organizationId: entry.organizationId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: (entry.data ?? {}) as object,
  });
}

/** Reads an organization's audit log. */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of events, newest first, and how many the organization has. */
  async page(organizationId: string, request: PageRequest): Promise<{ rows: AuditEvent[]; totalCount: number }> {
    const all = this.dataSource.manager.createQueryBuilder(AuditEvent, 'e').where('e.organization_id = :organizationId', { organizationId });
    const page = all.clone().orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').limit(request.limit + 1);
    if (request.after) page.andWhere(afterCondition('e.created_at', 'e.id', true), afterParams(request));
    const [rows, totalCount] = await Promise.all([page.getMany(), all.getCount()]);
    return { rows, totalCount };
  }
}
