import type { EntityManager } from 'typeorm';
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
