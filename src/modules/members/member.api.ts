import type { EntityManager } from 'typeorm';
import type { OrganizationRole } from '../../authz/enums';

/** What other modules may ask of memberships, inside their transaction. */
export interface MembersApi {
  /** Makes the user a member with `role`; false when they already are one. */
  add(em: EntityManager, organizationId: string, userId: string, role: OrganizationRole): Promise<boolean>;
  /** Gives the user `role`, making them a member if they are not; the role they held before, or null when they were not a member. */
  place(em: EntityManager, organizationId: string, userId: string, role: OrganizationRole): Promise<OrganizationRole | null>;
}

/**
 * What a member's departure (removed, or leaving) asks of the modules above this one (the
 * invitations they sent, what they held for a later reinstatement), in the same transaction,
 * just before the membership ends; the composition root wires it.
 */
export interface MemberDepartures {
  departing(em: EntityManager, organizationId: string, userId: string): Promise<void>;
}
