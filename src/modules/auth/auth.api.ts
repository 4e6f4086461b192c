import type { EntityManager } from 'typeorm';
import { Access } from '../../authz/access';
import type { OrganizationRole } from '../../authz/enums';
import type { Context, Viewer } from '../../graphql/context';
import type { Organization } from '../organizations/organization.entity';
import type { User } from './user.entity';

/** The password rules live with PasswordField; modules that take passwords use that field. */
export { PASSWORD_MAX, PASSWORD_MIN } from '../../graphql/fields';

/** What other modules may ask of accounts, inside their transaction. */
export interface UsersApi {
  /** Creates an account; CONFLICT when the email has one. */
  createUser(em: EntityManager, email: string, name: string, password: string, emailVerified?: boolean): Promise<User>;
  /** Opens a session; the raw token is returned, never stored. `userAgent`: the request's User-Agent header, shown in viewer.sessions. */
  openSession(em: EntityManager, userId: string, userAgent?: string | null): Promise<{ token: string; sessionId: string }>;
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
  /** Whether `password` is the user's; a wrong one spends a failed login from the login budgets (RATE_LIMITED past them). */
  confirmPassword(user: User, password: string, clientAddress: string): Promise<boolean>;
  /** The user's active organization, while the user belongs to it. */
  activeOrganization(em: EntityManager, user: User): Promise<Organization | null>;
  /** Whether `password` is the account's (a missing account is checked against a decoy hash: the same time). */
  checkPassword(userId: string, password: string): Promise<boolean>;
  /** Replaces the password (argon2id). */
  setPassword(em: EntityManager, userId: string, password: string): Promise<void>;
  /** Marks the account's email verified, only while it still is `email`; false when it no longer is. */
  markEmailVerified(em: EntityManager, userId: string, email: string): Promise<boolean>;
  /** Ends every session of the user, but `exceptSessionId` when given. */
  endSessions(em: EntityManager, userId: string, exceptSessionId?: string | null): Promise<void>;
  /** Switches the account to `email`, verified; CONFLICT when another account has it (the unique index decides). */
  changeEmail(em: EntityManager, userId: string, email: string): Promise<void>;
  /**
   * An invitation beats a squatter (CONTRACT.md, Accounts): the unverified account with this
   * email gets `password` (and `name` when given), every session of it ends and its email is
   * verified. Null when no such unverified account exists (a verified one is not taken over).
   */
  takeOverUnverified(em: EntityManager, email: string, password: string, name: string | null): Promise<User | null>;
}

/**
 * What registering asks of the modules above auth, in the registration's transaction (the
 * verification email of the accounts module); the composition root wires it.
 */
export interface Registrations {
  registered(em: EntityManager, user: User): Promise<void>;
}

/** One of the viewer's memberships, read with their credential (`viewerMembershipsColumn`). */
export interface ViewerMembership {
  organizationId: string;
  userId: string;
  role: OrganizationRole;
  createdAt: Date;
}

/**
 * A SELECT column bringing the memberships of the user aliased `userAlias` along with the lookup of
 * their credential, oldest first: a request's authorization then needs no statement of its own.
 * (The memberships table is the members module's: read here, written only there.)
 */
export const viewerMembershipsColumn = (userAlias: string): string =>
  `(SELECT coalesce(json_agg(json_build_array(m.organization_id, m.role, m.created_at) ORDER BY m.created_at, m.organization_id), '[]'::json)
      FROM memberships m WHERE m.user_id = ${userAlias}.id)`;

/** The memberships a `viewerMembershipsColumn` read. */
export const viewerMemberships = (userId: string, column: unknown): ViewerMembership[] =>
  (column as Array<[string, OrganizationRole, string]>).map(([organizationId, role, createdAt]) => ({
    organizationId,
    userId,
    role,
    createdAt: new Date(createdAt),
  }));

/** After register, login or an account-creating acceptance, the rest of the response is read as the new user, with that session. */
export function signIn(ctx: Context, session: { user: User; sessionId: string }): void {
  const viewer: Viewer = { user: session.user, sessionId: session.sessionId, scope: null, memberships: null };
  ctx.viewer = viewer;
  ctx.access = new Access(viewer.user.id, ctx.loaders, viewer.scope);
}
