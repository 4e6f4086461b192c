import type { EntityManager } from 'typeorm';
import { Access } from '../../authz/access';
import type { Context, Viewer } from '../../graphql/context';
import type { User } from './user.entity';

/** The password rules live with PasswordField; modules that take passwords use that field. */
export { PASSWORD_MAX, PASSWORD_MIN } from '../../graphql/fields';

/** What other modules may ask of accounts, inside their transaction. */
export interface UsersApi {
  /** Creates an account; CONFLICT when the email has one. */
  createUser(em: EntityManager, email: string, name: string, password: string, emailVerified?: boolean): Promise<User>;
  /** Opens a session; the raw token is returned, never stored. */
  openSession(em: EntityManager, userId: string): Promise<{ token: string; sessionId: string }>;
  /** Makes the organization the user's active one; with `onlyIfNone`, only for a user who has none. */
  setActiveOrganization(em: EntityManager, userId: string, organizationId: string, onlyIfNone?: boolean): Promise<void>;
  /** Clears the user's active organization if it is this one. */
  clearActiveOrganization(em: EntityManager, userId: string, organizationId: string): Promise<void>;
  /** The account with this email (compared case-insensitively), or null. */
  findByEmail(em: EntityManager, email: string): Promise<User | null>;
  /** Grants or revokes instance administration; false when it already was so. */
  setInstanceAdmin(em: EntityManager, userId: string, isInstanceAdmin: boolean): Promise<boolean>;
  /** Disables (ending every session at once) or enables the account; false when it already was so. */
  setDisabled(em: EntityManager, userId: string, disabled: boolean): Promise<boolean>;
}

/** After register, login or an account-creating acceptance, the rest of the response is read as the new user, with that session. */
export function signIn(ctx: Context, session: { user: User; sessionId: string }): void {
  const viewer: Viewer = { user: session.user, sessionId: session.sessionId, scope: null };
  ctx.viewer = viewer;
  ctx.access = new Access(viewer.user.id, ctx.loaders, viewer.scope);
}
