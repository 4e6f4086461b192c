import type { EntityManager } from 'typeorm';
import type { OrganizationRole } from '../../authz/enums';

/** What other modules may ask of memberships, inside their transaction. */
export interface MembersApi {
  /** Makes the user a member with `role`; false when they already are one. */
  add(em: EntityManager, organizationId: string, userId: string, role: OrganizationRole): Promise<boolean>;
}

/**
 * What a member's departure asks of the modules above this one (the invitations they sent),
 * in the same transaction; the composition root wires it.
 */
export interface MemberDepartures {
  departed(em: EntityManager, organizationId: string, userId: string): Promise<void>;
}
