import type { EntityManager } from 'typeorm';
import type { AuditEntry, AuditRecorder } from '../../common/audit';
import { AuditEvent } from './audit-event.entity';

/** What happens with each event in its own transaction, besides being stored (webhook deliveries); wired by the root. */
export interface AuditFollowers {
  recorded(em: EntityManager, event: AuditEvent): Promise<void>;
}

export interface AuditDeps {
  followers?: AuditFollowers;
}

/** The audit log: events are appended in the caller's transaction (pages are read by the module's loaders). */
export class AuditLogService implements AuditRecorder {
  constructor(private readonly deps: AuditDeps) {}

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
}
