import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditRecorder } from '../../common/audit';
import { afterCondition, afterParams, type PageRequest } from '../../common/paging';
import { AuditEvent } from './audit-event.entity';

/** What happens with each event in its own transaction, besides being stored (webhook deliveries); wired by the root. */
export interface AuditFollowers {
  recorded(em: EntityManager, event: AuditEvent): Promise<void>;
}

export interface AuditDeps {
  dataSource: DataSource;
  followers?: AuditFollowers;
}

/** The audit log: events are appended in the caller's transaction, and read by page. */
export class AuditLogService implements AuditRecorder {
  private readonly dataSource: DataSource;

  constructor(private readonly deps: AuditDeps) {
    this.dataSource = deps.dataSource;
  }

  /** Appends an event inside the caller's transaction, so it commits or rolls back with the change. */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const event = {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: (entry.data ?? {}) as object,
    };
    // insert() reads the generated id and createdAt back into `event`.
    await em.insert(AuditEvent, event);
    await this.deps.followers?.recorded(em, event as AuditEvent);
  }

  /** A page of events, newest first, and how many the organization has. */
  async page(organizationId: string, request: PageRequest): Promise<{ rows: AuditEvent[]; totalCount: number }> {
    const all = this.dataSource.manager.createQueryBuilder(AuditEvent, 'e').where('e.organization_id = :organizationId', { organizationId });
    const page = all
      .clone()
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(request.limit + 1);
    if (request.after) page.andWhere(afterCondition('e.created_at', 'e.id', true), afterParams(request));
    const [rows, totalCount] = await Promise.all([page.getMany(), all.getCount()]);
    return { rows, totalCount };
  }
}
