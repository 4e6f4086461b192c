import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, ForbiddenError, GoneError } from '../../common/errors';
import { normalizeEmail } from '../../common/text';
import { newToken, tokenHash } from '../../common/tokens';
import type { Config } from '../../config/config';
import type { AttemptBudgets } from '../../db/attempt-limiter';
import { sqlChange, sqlRows } from '../../db/sql';
import type { Viewer } from '../../graphql/context';
import type { UsersApi } from '../auth/auth.api';
import { User } from '../auth/user.entity';
import type { AccountLinkJob, AccountLinkMail, AccountLinkPurpose, MailApi } from '../mail/mail.api';
import type { OrganizationsApi } from '../organizations/organization.api';
import type { Organization } from '../organizations/organization.entity';
import type { AccountsApi } from './accounts.api';
import { EmailVerificationKind } from './accounts.types';

export interface AccountsDeps {
  dataSource: DataSource;
  config: Config;
  budgets: AttemptBudgets;
  users: UsersApi;
  organizations: OrganizationsApi;
  mail: MailApi;
}

const HOUR_SECONDS = 3600;
/** How long each kind of link works (CONTRACT.md, Accounts). */
const LIFETIME_SECONDS: Record<AccountLinkPurpose, number> = {
  email_verification: 24 * HOUR_SECONDS,
  mailbox_verification: 24 * HOUR_SECONDS,
  email_change: 24 * HOUR_SECONDS,
  password_reset: HOUR_SECONDS,
};
const PATH: Record<AccountLinkPurpose, string> = {
  email_verification: '/verify-email',
  mailbox_verification: '/verify-email',
  password_reset: '/reset-password',
  email_change: '/confirm-email',
};

/** One answer for every token that opens nothing: unknown, used, expired, replaced by a newer link, or for an address that changed since. */
const GONE = 'This link is no longer valid: it expired, was already used, or a newer link replaced it.';
const WRONG_PASSWORD = 'This is not your current password.';

/** Tokens are 43 characters; anything far longer is not worth hashing. */
const plausibleToken = (token: string) => token.length > 0 && token.length <= 200;

export interface ResetResult {
  token: string;
  sessionId: string;
  user: User;
  organization: Organization | null;
}

interface UsedLink {
  purpose: AccountLinkPurpose;
  user_id: string | null;
  organization_id: string | null;
  email: string;
}

/**
 * Account links (CONTRACT.md, Accounts): email verification, password reset, email change and
 * the notification mailbox's confirmation. The account_tokens table is written here only; the
 * users, sessions and organizations it changes belong to auth and organizations (their api).
 */
export class AccountsService implements AccountsApi {
  constructor(private readonly deps: AccountsDeps) {}

  /**
   * Records a new request for a link and enqueues its email, in `em`. The row of the account
   * (or organization) and purpose is replaced: whatever link it held is GONE from now on. The
   * job mints the token when it runs (accountLinkMail), so the raw token is only ever in the email.
   */
  private async issue(em: EntityManager, purpose: AccountLinkPurpose, subject: { userId: string } | { organizationId: string }, email: string): Promise<void> {
    const requestId = randomUUID();
    const [column, id] = 'userId' in subject ? ['user_id', subject.userId] : ['organization_id', subject.organizationId];
    await em.query(
      `INSERT INTO account_tokens (purpose, ${column}, email, request_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, NULL, now() + make_interval(secs => $5))
       ON CONFLICT (purpose, ${column}) WHERE ${column} IS NOT NULL
       DO UPDATE SET email = EXCLUDED.email, request_id = EXCLUDED.request_id, token_hash = NULL, expires_at = EXCLUDED.expires_at, created_at = now()`,
      [purpose, id, email, requestId, LIFETIME_SECONDS[purpose]],
    );
    await this.deps.mail.enqueue(em, { kind: 'account.link', payload: { requestId } }, 'organizationId' in subject ? subject.organizationId : null);
  }

  /** Uses a link once: the row goes in one conditional statement, so of racing uses one finds it and the others GONE. */
  private async consume(em: EntityManager, token: string, purposes: AccountLinkPurpose[]): Promise<UsedLink> {
    if (!plausibleToken(token)) throw new GoneError(GONE);
    const [used] = (
      await sqlChange<UsedLink>(
        em,
        `DELETE FROM account_tokens WHERE token_hash = $1 AND purpose = ANY($2::varchar[]) AND expires_at > now()
         RETURNING purpose, user_id, organization_id, email`,
        [tokenHash(token), purposes],
      )
    ).rows;
    if (!used) throw new GoneError(GONE);
    return used;
  }

  requestVerification(em: EntityManager, user: User): Promise<void> {
    return this.issue(em, 'email_verification', { userId: user.id }, user.email);
  }

  requestMailboxConfirmation(em: EntityManager, organizationId: string, email: string): Promise<void> {
    return this.issue(em, 'mailbox_verification', { organizationId }, email);
  }

  /** A new verification link for the viewer's email; false (and nothing sent) when it is verified already. */
  async requestEmailVerification(viewer: Viewer, clientAddress: string): Promise<boolean> {
    const user = viewer.user;
    if (user.emailVerifiedAt) return false;
    await this.deps.budgets.spend(['emailVerificationPerEmail', user.email], ['emailVerificationPerAddress', clientAddress]);
    await this.deps.dataSource.transaction((em) => this.requestVerification(em, user));
    return true;
  }

  /** Anonymous: the token is the proof. An account's email, or an organization's mailbox, while it still is that address. */
  async verifyEmail(token: string): Promise<{ email: string; kind: EmailVerificationKind }> {
    return this.deps.dataSource.transaction(async (em) => {
      const link = await this.consume(em, token, ['email_verification', 'mailbox_verification']);
      if (link.purpose === 'email_verification') {
        if (!(await this.deps.users.markEmailVerified(em, link.user_id!, link.email))) throw new GoneError(GONE);
        return { email: link.email, kind: EmailVerificationKind.ACCOUNT };
      }
      if (!(await this.deps.organizations.confirmMailbox(em, link.organization_id!, link.email))) throw new GoneError(GONE);
      return { email: link.email, kind: EmailVerificationKind.NOTIFICATION_MAILBOX };
    });
  }

  /**
   * The same work and the same answer whether or not the email has an account: the budgets,
   * one statement that records a request for the account if there is one, one mail job. The
   * job finds out when it runs whether there is anyone to mail.
   */
  async requestPasswordReset(email: string, clientAddress: string): Promise<void> {
    const address = normalizeEmail(email);
    await this.deps.budgets.spend(['passwordResetPerEmail', address], ['passwordResetPerAddress', clientAddress]);
    const requestId = randomUUID();
    await this.deps.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO account_tokens (purpose, user_id, email, request_id, token_hash, expires_at)
         SELECT 'password_reset', u.id, u.email, $2, NULL, now() + make_interval(secs => $3)
           FROM users u WHERE u.email = $1 AND u.disabled_at IS NULL
         ON CONFLICT (purpose, user_id) WHERE user_id IS NOT NULL
         DO UPDATE SET email = EXCLUDED.email, request_id = EXCLUDED.request_id, token_hash = NULL, expires_at = EXCLUDED.expires_at, created_at = now()`,
        [address, requestId, LIFETIME_SECONDS.password_reset],
      );
      await this.deps.mail.enqueue(em, { kind: 'account.link', payload: { requestId } }, null);
    });
  }

  /** Anonymous: sets the password, verifies the email (the link proved it), ends every session and opens a new one. */
  async resetPassword(token: string, password: string, userAgent: string | null): Promise<ResetResult> {
    return this.deps.dataSource.transaction(async (em) => {
      const link = await this.consume(em, token, ['password_reset']);
      const user = await em.findOneBy(User, { id: link.user_id! });
      // The address changed since the link was sent: it proves nothing now.
      if (!user || user.email !== link.email) throw new GoneError(GONE);
      if (user.disabledAt) throw new ForbiddenError('This account is disabled: ask the administrators of this installation.');
      await this.deps.users.setPassword(em, user.id, password);
      await this.deps.users.markEmailVerified(em, user.id, user.email);
      await this.deps.users.endSessions(em, user.id);
      const session = await this.deps.users.openSession(em, user.id, userAgent);
      const updated = await em.findOneByOrFail(User, { id: user.id });
      return { ...session, user: updated, organization: await this.deps.users.activeOrganization(em, updated) };
    });
  }

  /** A wrong currentPassword is BAD_USER_INPUT and a failed login; every other session ends; the account's address gets a notice. */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, clientAddress: string): Promise<User> {
    const user = viewer.user;
    if (!(await this.deps.users.confirmPassword(user, currentPassword, clientAddress))) throw BadUserInputError.field('currentPassword', WRONG_PASSWORD);
    await this.deps.dataSource.transaction(async (em) => {
      await this.deps.users.setPassword(em, user.id, newPassword);
      await this.deps.users.endSessions(em, user.id, viewer.sessionId);
      await this.deps.mail.enqueue(
        em,
        { kind: 'account.notice', payload: { to: [user.email], notice: { notice: 'password_changed', name: user.name } } },
        null,
      );
    });
    return user;
  }

  /**
   * Mails the new address a confirmation link (24 h) and the current one a notice. A taken
   * address is CONFLICT now, and again at confirmation if it was taken meanwhile (the unique index).
   */
  async changeEmail(viewer: Viewer, newEmail: string, currentPassword: string, clientAddress: string): Promise<string> {
    const user = viewer.user;
    const email = normalizeEmail(newEmail);
    if (email === user.email) throw BadUserInputError.field('newEmail', 'This is already your email address.');
    if (!(await this.deps.users.confirmPassword(user, currentPassword, clientAddress))) throw BadUserInputError.field('currentPassword', WRONG_PASSWORD);
    await this.deps.dataSource.transaction(async (em) => {
      if (await this.deps.users.findByEmail(em, email)) throw new ConflictError('An account with this email address already exists.');
      await this.issue(em, 'email_change', { userId: user.id }, email);
      await this.deps.mail.enqueue(
        em,
        { kind: 'account.notice', payload: { to: [user.email], notice: { notice: 'email_change_requested', name: user.name, newEmail: email } } },
        null,
      );
    });
    return email;
  }

  /** Anonymous: the link proves the new address; the account switches to it, verified. */
  async confirmEmailChange(token: string): Promise<string> {
    return this.deps.dataSource.transaction(async (em) => {
      const link = await this.consume(em, token, ['email_change']);
      await this.deps.users.changeEmail(em, link.user_id!, link.email);
      return link.email;
    });
  }

  /**
   * The email of a queued link job, with a freshly minted token; null when the job is outdated
   * (a newer request replaced it, it expired, or the link was used) or, for a password reset,
   * when the address has no account. A retried job mints anew; only the delivered token works.
   */
  async accountLinkMail(job: AccountLinkJob): Promise<AccountLinkMail | null> {
    const token = newToken();
    const [row] = await sqlRows<{ purpose: AccountLinkPurpose; email: string; expires_at: Date; name: string | null }>(
      this.deps.dataSource,
      `WITH minted AS (
         UPDATE account_tokens SET token_hash = $1 WHERE request_id = $2 AND expires_at > now()
          RETURNING purpose, user_id, organization_id, email, expires_at)
       SELECT m.purpose, m.email, m.expires_at, coalesce(u.name, o.name) AS name
         FROM minted m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN organizations o ON o.id = m.organization_id`,
      [tokenHash(token), job.requestId],
    );
    if (!row) return null;
    return {
      to: row.email,
      purpose: row.purpose,
      name: row.name ?? '',
      expiresAt: new Date(row.expires_at),
      link: `${this.deps.config.publicUrl}${PATH[row.purpose]}?token=${encodeURIComponent(token)}`,
    };
  }
}
