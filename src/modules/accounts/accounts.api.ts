import type { EntityManager } from 'typeorm';
import type { User } from '../auth/user.entity';

/** What the composition root wires into the ports of modules below accounts (registration, the notification mailbox). */
export interface AccountsApi {
  /** Mails the new account a verification link (24 h), in the registration's transaction. */
  requestVerification(em: EntityManager, user: User): Promise<void>;
  /** Mails a newly named notification mailbox its confirmation link (24 h), in the organization change's transaction. */
  requestMailboxConfirmation(em: EntityManager, organizationId: string, email: string): Promise<void>;
}
