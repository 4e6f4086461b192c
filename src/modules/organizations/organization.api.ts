import type { EntityManager } from 'typeorm';
import type { Organization, Region } from './organization.entity';

export interface NewOrganization {
  name: string;
  moniker?: string | null;
  description?: string | null;
  region: Region;
  country?: string | null;
}

/** What other modules may ask of organizations, inside their transaction. */
export interface OrganizationsApi {
  /** Creates an organization; its founder becomes OWNER, TEAM_ADMIN of the default team, and has it active. */
  create(em: EntityManager, founderId: string, input: NewOrganization): Promise<Organization>;
  /** The organization row, locked against every other lock() until commit; NOT_FOUND when missing. */
  lock(em: EntityManager, organizationId: string): Promise<Organization>;
  /** Marks the notification mailbox confirmed, only while it still is `email`; false when it no longer is. */
  confirmMailbox(em: EntityManager, organizationId: string, email: string): Promise<boolean>;
}

/**
 * What naming a notification mailbox asks of the modules above (its confirmation link, kept by
 * the accounts module), in the same transaction; the composition root wires it.
 */
export interface MailboxConfirmations {
  requested(em: EntityManager, organizationId: string, email: string): Promise<void>;
}

/**
 * What founding an organization asks of the modules above this one (memberships, teams, the
 * founder's active organization), in the same transaction; the composition root wires it.
 */
export interface OrganizationFounding {
  founded(em: EntityManager, organizationId: string, founderId: string): Promise<void>;
}
