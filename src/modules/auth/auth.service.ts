import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../../common/errors';
import { sqlChange } from '../../db/sql';
import { normalizeEmail, trimmed } from '../../common/text';
import type { Config } from '../../config/config';
import type { AttemptBudgets, Spend } from '../../db/attempt-limiter';
import { isUniqueViolation } from '../../db/pg-errors';
import type { Viewer } from '../../graphql/context';
import type { OrganizationsApi } from '../organizations/organization.api';
import { Organization, Region } from '../organizations/organization.entity';
import type { UsersApi } from './auth.api';
import type { LoginInput, RegisterInput } from './auth.inputs';
import { hashPassword, verifyPassword } from './passwords';
import { Session } from './session.entity';
import { newToken, tokenHash } from '../../common/tokens';
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
}

/** Accounts and sessions: the users and sessions tables are written here only. */
export class AuthService implements UsersApi {
  constructor(private readonly deps: AuthDeps) {}

  /** Opens a session inside `em`; the raw token is returned, never stored. */
  async openSession(em: EntityManager, userId: string): Promise<{ token: string; sessionId: string }> {
    const token = newToken();
    const session = await em.save(em.create(Session, { userId, tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + SESSION_TTL_MS) }));
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
  async register(input: RegisterInput, clientAddress: string): Promise<AuthResult> {
    await this.deps.budgets.spend(['registerPerAddress', clientAddress]);
    return this.deps.dataSource.transaction(async (em) => {
      const user = await this.createUser(em, input.email, input.name, input.password);
      const organization = await this.deps.organizations.create(em, user.id, {
        name: input.organizationName?.trim() || `${user.name}'s organization`,
        region: input.region ?? (this.deps.config.defaultRegion as Region),
      });
      user.activeOrganizationId = organization.id;
      return { ...(await this.openSession(em, user.id)), user, organization };
    });
  }

  /**
   * Failures are limited per email and client address, and per client address: keyed by both, a
   * stranger elsewhere cannot lock the owner out. The attempt is spent before the password is
   * checked, so parallel guesses cannot overrun the budget, and given back when it succeeds.
   */
  async login(input: LoginInput, clientAddress: string): Promise<AuthResult> {
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
      const session = await this.openSession(em, user.id);
      // The active organization, while the user still belongs to it.
      const organization = user.activeOrganizationId
        ? await em
            .createQueryBuilder(Organization, 'o')
            .innerJoin('memberships', 'm', 'm.organization_id = o.id AND m.user_id = :userId', { userId: user.id })
            .where('o.id = :organizationId', { organizationId: user.activeOrganizationId })
            .getOne()
        : null;
      return { ...session, user, organization };
    });
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
    // One statement per request: findOne with a relation would add a DISTINCT pre-query (its LIMIT 1 over a join).
    const session = await this.deps.dataSource.manager
      .createQueryBuilder(Session, 'session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.tokenHash = :hash AND session.expiresAt > :now', { hash: tokenHash(token), now: new Date() })
      // A disabled account's sessions are refused at once (and deleted when it is disabled).
      .andWhere('user.disabledAt IS NULL')
      .getOne();
    return session?.user ? { user: session.user, sessionId: session.id, scope: null } : null;
  }
}
