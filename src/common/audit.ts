import type { EntityManager } from 'typeorm';

/** One change to an organization, as every module reports it; the audit module stores it. */
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
export interface AuditRecorder {
  record(em: EntityManager, entry: AuditEntry): Promise<void>;
}
