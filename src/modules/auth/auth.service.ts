import { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config/config';
import { ConflictError, UnauthenticatedError, isUniqueViolation } from '../../graphql/errors';
import type { AttemptBudgets, Spend } from '../../graphql/rate-limit';
import { normalizeEmail, trimmed } from '../../graphql/validators';
import { Membership } from '../members/membership.entity';
import { Organization, Region } from '../organizations/organization.entity';
import type { OrganizationService } from '../organizations/organization.service';
import type { LoginInput, RegisterInput } from './auth.inputs';
import { hashPassword, verifyPassword } from './passwords';
import { Session } from './session.entity';
import { newToken, tokenHash } from './tokens';
import { User } from './user.entity';

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const INVALID_LOGIN = 'Invalid email or password.';

export interface AuthResult {
  token: string;
  sessionId: string;
  user: User;
  organization: Organization | null;
}

export interface Viewer {
  user: User;
  sessionId: string;
}

export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: Config,
    private readonly budgets: AttemptBudgets,
    private readonly organizations: OrganizationService,
  ) {}

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
    await this.budgets.spend(['registerPerAddress', clientAddress]);
    return this.dataSource.transaction(async (em) => {
      const user = await this.createUser(em, input.email, input.name, input.password);
      const organization = await this.organizations.create(em, user, {
        name: input.organizationName?.trim() || `${user.name}'s organization`,
        region: input.region ?? (this.config.defaultRegion as Region),
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
    const attempt: Spend[] = [['loginPerEmailAndAddress', `${clientAddress}|${email}`], ['loginPerAddress', clientAddress]];
    await this.budgets.spend(...attempt);
    const user = await this.dataSource.manager.findOneBy(User, { email });
    if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) throw new UnauthenticatedError(INVALID_LOGIN);
    await this.budgets.refund(...attempt);
    return this.dataSource.transaction(async (em) => {
      const session = await this.openSession(em, user.id);
      const membership = user.activeOrganizationId
        ? await em.findOneBy(Membership, { organizationId: user.activeOrganizationId, userId: user.id })
        : null;
      const organization = membership ? await em.findOneBy(Organization, { id: membership.organizationId }) : null;
      return { ...session, user, organization };
    });
  }

  async logout(viewer: Viewer, allSessions: boolean): Promise<void> {
    await this.dataSource.manager.delete(Session, allSessions ? { userId: viewer.user.id } : { id: viewer.sessionId });
  }

  /** The viewer behind a bearer token, or null when it is unknown or expired. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    // One statement per request: findOne with a relation would add a DISTINCT pre-query (its LIMIT 1 over a join).
    const session = await this.dataSource.manager
      .createQueryBuilder(Session, 'session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.tokenHash = :hash AND session.expiresAt > :now', { hash: tokenHash(token), now: new Date() })
      .getOne();
    return session?.user ? { user: session.user, sessionId: session.id } : null;
  }
}
