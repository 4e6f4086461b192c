import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../../common/errors';
import { preparedRows, sqlChange } from '../../db/sql';
import { entityColumns, entityFromRow } from '../../db/entity-rows';
import { normalizeEmail, trimmed } from '../../common/text';
import type { Config } from '../../config/config';
import type { AttemptBudgets, Spend } from '../../db/attempt-limiter';
import { isUniqueViolation } from '../../db/pg-errors';
import type { Viewer } from '../../graphql/context';
import type { OrganizationsApi } from '../organizations/organization.api';
import { Organization, Region } from '../organizations/organization.entity';
import { viewerMemberships, viewerMembershipsColumn, type Registrations, type UsersApi } from './auth.api';
import type { LoginInput, RegisterInput } from './auth.inputs';
import { hashPassword, verifyPassword } from './passwords';
import { Session, USER_AGENT_MAX } from './session.entity';
import { newToken, tokenHash } from '../../common/tokens';
import { isUuid } from '../../common/ids';
import type { PageRequest } from '../../common/paging';
import { pagesPerParent, type Page } from '../../db/batched-pages';
import { User } from './user.entity';

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const INVALID_LOGIN = 'Invalid email or password.';
const DISABLED_LOGIN = 'This account is disabled: ask the administrators of this installation.';

export interface AuthResult {
  token: string;
  sessionId: string;
  user: User;
  organization: Organization | null;
}

export interface AuthDeps {
  dataSource: DataSource;
  config: Config;
  budgets: AttemptBudgets;
  organizations: OrganizationsApi;
  registrations: Registrations;
}

/** What is kept of a User-Agent header: its first 512 characters, or null. */
/** Column prefix of the user read with a session. */
const USER = 'user__';

const userAgentOf = (header: string | null | undefined) => (header ? header.slice(0, USER_AGENT_MAX) : null);

/** Accounts and sessions: the users and sessions tables are written here only. */
export class AuthService implements UsersApi {
  constructor(private readonly deps: AuthDeps) {}

  /** Opens a session inside `em`; the raw token is returned, never stored. */
  async openSession(em: EntityManager, userId: string, userAgent: string | null = null): Promise<{ token: string; sessionId: string }> {
    const token = newToken();
    const session = await em.save(
      em.create(Session, { userId, tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + SESSION_TTL_MS), userAgent: userAgentOf(userAgent) }),
    );
    return { token, sessionId: session.id };
  }

  /** Creates an account inside `em`; CONFLICT when the email has one. */
  async createUser(em: EntityManager, email: string, name: string, password: string, emailVerified = false): Promise<User> {
    const passwordHash = await hashPassword(password);
    try {
      const user = em.create(User, { email: normalizeEmail(email), name: trimmed(name), passwordHash, emailVerifiedAt: emailVerified ? new Date() : null });
      return await em.save(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('An account with this email address already exists.');
      throw error;
    }
  }

  /** Spends the client address's registration budget first: each registration hashes a password. */
  async register(input: RegisterInput, clientAddress: string, userAgent: string | null = null): Promise<AuthResult> {
    await this.deps.budgets.spend(['registerPerAddress', clientAddress]);
    return this.deps.dataSource.transaction(async (em) => {
      const user = await this.createUser(em, input.email, input.name, input.password);
      const organization = await this.deps.organizations.create(em, user.id, {
        name: input.organizationName?.trim() || `${user.name}'s organization`,
        region: input.region ?? (this.deps.config.defaultRegion as Region),
      });
      user.activeOrganizationId = organization.id;
      // The verification email (CONTRACT.md, Accounts), in this transaction.
      await this.deps.registrations.registered(em, user);
      return { ...(await this.openSession(em, user.id, userAgent)), user, organization };
    });
  }

  /**
   * Failures are limited per email and client address, and per client address: keyed by both, a
   * stranger elsewhere cannot lock the owner out. The attempt is spent before the password is
   * checked, so parallel guesses cannot overrun the budget, and given back when it succeeds.
   */
  async login(input: LoginInput, clientAddress: string, userAgent: string | null = null): Promise<AuthResult> {
    const email = normalizeEmail(input.email);
    const attempt: Spend[] = [
      ['loginPerEmailAndAddress', `${clientAddress}|${email}`],
      ['loginPerAddress', clientAddress],
    ];
    await this.deps.budgets.spend(...attempt);
    const user = await this.deps.dataSource.manager.findOneBy(User, { email });
    if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) throw new UnauthenticatedError(INVALID_LOGIN);
    await this.deps.budgets.refund(...attempt);
    // Said only to whoever knows the password: a disabled account is no secret to its owner.
    if (user.disabledAt) throw new UnauthenticatedError(DISABLED_LOGIN);
    return this.deps.dataSource.transaction(async (em) => {
      const session = await this.openSession(em, user.id, userAgent);
      return { ...session, user, organization: await this.activeOrganization(em, user) };
    });
  }

  /** The user's active organization, while the user still belongs to it. */
  async activeOrganization(em: EntityManager, user: User): Promise<Organization | null> {
    if (!user.activeOrganizationId) return null;
    return em
      .createQueryBuilder(Organization, 'o')
      .innerJoin('memberships', 'm', 'm.organization_id = o.id AND m.user_id = :userId', { userId: user.id })
      .where('o.id = :organizationId', { organizationId: user.activeOrganizationId })
      .getOne();
  }

  /**
   * Spends a failed-login attempt (CONTRACT.md: a wrong currentPassword counts as one) before
   * checking the password, and gives it back when the password is right, as login does.
   */
  async confirmPassword(user: User, password: string, clientAddress: string): Promise<boolean> {
    const attempt: Spend[] = [
      ['loginPerEmailAndAddress', `${clientAddress}|${user.email}`],
      ['loginPerAddress', clientAddress],
    ];
    await this.deps.budgets.spend(...attempt);
    const ok = await this.checkPassword(user.id, password);
    if (ok) await this.deps.budgets.refund(...attempt);
    return ok;
  }

  async checkPassword(userId: string, password: string): Promise<boolean> {
    const user = await this.deps.dataSource.manager.findOne(User, { select: { id: true, passwordHash: true }, where: { id: userId } });
    return verifyPassword(user?.passwordHash ?? null, password);
  }

  async setPassword(em: EntityManager, userId: string, password: string): Promise<void> {
    await em.update(User, { id: userId }, { passwordHash: await hashPassword(password) });
  }

  async markEmailVerified(em: EntityManager, userId: string, email: string): Promise<boolean> {
    const { affected } = await sqlChange(em, `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1 AND email = $2`, [
      userId,
      normalizeEmail(email),
    ]);
    return affected > 0;
  }

  async endSessions(em: EntityManager, userId: string, exceptSessionId: string | null = null): Promise<void> {
    await sqlChange(em, `DELETE FROM sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`, [userId, exceptSessionId]);
  }

  async changeEmail(em: EntityManager, userId: string, email: string): Promise<void> {
    try {
      await sqlChange(em, `UPDATE users SET email = $2, email_verified_at = now() WHERE id = $1`, [userId, normalizeEmail(email)]);
    } catch (error) {
      // The unique index decides, whatever was checked when the change was asked for.
      if (isUniqueViolation(error)) throw new ConflictError('An account with this email address already exists.');
      throw error;
    }
  }

  async takeOverUnverified(em: EntityManager, email: string, password: string, name: string | null): Promise<User | null> {
    const passwordHash = await hashPassword(password);
    const [taken] = (
      await sqlChange<{ id: string }>(
        em,
        `UPDATE users SET password_hash = $2, name = coalesce($3, name), email_verified_at = now()
          WHERE email = $1 AND email_verified_at IS NULL RETURNING id`,
        [normalizeEmail(email), passwordHash, name === null ? null : trimmed(name)],
      )
    ).rows;
    if (!taken) return null;
    await this.endSessions(em, taken.id);
    return em.findOneByOrFail(User, { id: taken.id });
  }

  /** The user's live sessions, newest first (viewer.sessions). */
  async sessionsPage(userId: string, request: PageRequest): Promise<Page<Session>> {
    const [page] = await pagesPerParent(this.deps.dataSource.manager, [userId], request, {
      source: `SELECT user_id AS parent_id, created_at, id AS tie_id, id, last_used_at, user_agent
                 FROM sessions WHERE user_id = ANY($1::uuid[]) AND expires_at > now()`,
      toNode: (row) =>
        Object.assign(new Session(), {
          id: row.id as string,
          userId,
          createdAt: new Date(row.created_at as string),
          lastUsedAt: new Date(row.last_used_at as string),
          userAgent: row.user_agent as string | null,
        }),
    });
    return page;
  }

  /** Ends one of the viewer's sessions; another user's (or a missing one) is NOT_FOUND. */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    const { affected } = isUuid(sessionId)
      ? await sqlChange(this.deps.dataSource, `DELETE FROM sessions WHERE id = $1 AND user_id = $2`, [sessionId, userId])
      : { affected: 0 };
    if (affected === 0) throw new NotFoundError();
  }

  /** False with an access token and without allSessions: there is no session to end (allSessions needs a session: see SESSION_ONLY). */
  async logout(viewer: Viewer, allSessions: boolean): Promise<boolean> {
    if (allSessions) await this.deps.dataSource.manager.delete(Session, { userId: viewer.user.id });
    else if (viewer.sessionId) await this.deps.dataSource.manager.delete(Session, { id: viewer.sessionId });
    else return false;
    return true;
  }

  async setActiveOrganization(em: EntityManager, userId: string, organizationId: string, onlyIfNone = false): Promise<void> {
    await em.update(User, onlyIfNone ? { id: userId, activeOrganizationId: IsNull() } : { id: userId }, { activeOrganizationId: organizationId });
  }

  async clearActiveOrganization(em: EntityManager, userId: string, organizationId: string): Promise<void> {
    await em.update(User, { id: userId, activeOrganizationId: organizationId }, { activeOrganizationId: null });
  }

  /** Only to an organization the user belongs to, checked in the same statement. */
  async switchActive(userId: string, organizationId: string): Promise<void> {
    const { affected } = await sqlChange(
      this.deps.dataSource,
      `UPDATE users SET active_organization_id = $2 WHERE id = $1
          AND EXISTS (SELECT 1 FROM memberships WHERE organization_id = $2 AND user_id = $1)`,
      [userId, organizationId],
    );
    if (affected === 0) throw new NotFoundError();
  }

  async findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.findOneBy(User, { email: normalizeEmail(email) });
  }

  async setInstanceAdmin(em: EntityManager, userId: string, isInstanceAdmin: boolean): Promise<boolean> {
    const { affected } = await em.update(User, { id: userId, isInstanceAdmin: !isInstanceAdmin }, { isInstanceAdmin });
    return (affected ?? 0) > 0;
  }

  async setDisabled(em: EntityManager, userId: string, disabled: boolean): Promise<boolean> {
    const { affected } = await em.update(User, { id: userId, disabledAt: disabled ? IsNull() : Not(IsNull()) }, { disabledAt: disabled ? new Date() : null });
    if (disabled) await em.delete(Session, { userId });
    return (affected ?? 0) > 0;
  }

  /** The viewer behind a bearer token, or null when it is unknown or expired. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    // One statement per request, prepared (parsing and planning it cost more than running it), on the primary as
    // every authorization read. It records the use (lastUsedAt) at most once a minute: a data-modifying WITH runs
    // whether or not the SELECT reads it. It reads the viewer's memberships too.
    const em = this.deps.dataSource.manager;
    const [row] = await preparedRows<Record<string, unknown>>(
      em,
      `WITH touched AS (UPDATE sessions SET last_used_at = now()
                         WHERE token_hash = $1 AND expires_at > now() AND last_used_at < now() - interval '1 minute' RETURNING id)
       SELECT s.id AS session_id, ${entityColumns(em, User, 'u', USER)}, ${viewerMembershipsColumn('u')} AS viewer_memberships
         FROM sessions s JOIN users u ON u.id = s.user_id
        -- A disabled account's sessions are refused at once (and deleted when it is disabled).
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash(token)],
    );
    if (!row) return null;
    const user = entityFromRow(em, User, row, USER)!;
    return { user, sessionId: row.session_id as string, scope: null, memberships: viewerMemberships(user.id, row.viewer_memberships) };
  }
}
