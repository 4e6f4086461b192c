import type { EntityManager } from 'typeorm';

/** How long a departed member's teams and grants are kept for a reinstatement. */
export const REINSTATEMENT_DAYS = 90;

/** What other modules may ask of reinstatement, inside their transaction. */
export interface ReinstatementApi {
  /** Remembers the member's team memberships and direct project grants; call it before the membership ends. */
  remember(em: EntityManager, organizationId: string, userId: string): Promise<void>;
  /**
   * Restores, for a member who has just joined again, what they held when they left in the last
   * 90 days (only the teams, projects and roles that still exist), audited as `member.reinstated`
   * with `actorId` as actor; the record is used up. False when there was nothing to restore.
   */
  restore(em: EntityManager, organizationId: string, userId: string, actorId: string | null): Promise<boolean>;
}
