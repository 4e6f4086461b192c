import type { EntityManager } from 'typeorm';
import { MailJob } from './mail-job.entity';

/** Enqueues a mail job in the caller's transaction: a rolled-back change sends nothing. */
export function enqueueMail(em: EntityManager, kind: string, payload: Record<string, unknown>, organizationId: string | null = null): Promise<unknown> {
  return em.insert(MailJob, { kind, payload: payload as object, organizationId });
}
