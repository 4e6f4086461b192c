/**
 * The attempt budgets of CONTRACT.md (Limits): each one's environment variable and default,
 * written `<attempts>/<period>` (period: a number and s, m, h or d). A new budget is one entry
 * here and one row in README's budget table; services spend it with `budgets.spend([name, key])`.
 */
export const BUDGETS = {
  /** Failed logins per email address and client address (a successful login costs nothing). */
  loginPerEmailAndAddress: { variable: 'RATE_LIMIT_LOGIN_PER_EMAIL_AND_ADDRESS', fallback: '10/15m' },
  /** Failed logins per client address, whatever the email. */
  loginPerAddress: { variable: 'RATE_LIMIT_LOGIN_PER_ADDRESS', fallback: '100/15m' },
  /** Registrations per client address (each one hashes a password). */
  registerPerAddress: { variable: 'RATE_LIMIT_REGISTER_PER_ADDRESS', fallback: '20/1h' },
  /** createOrganization per user. */
  createOrganizationPerUser: { variable: 'RATE_LIMIT_CREATE_ORGANIZATION_PER_USER', fallback: '20/1h' },
  /** Invitation emails (inviteMember, each row of inviteMembers, resendInvitation) per organization. */
  invitationsPerOrganization: { variable: 'RATE_LIMIT_INVITATIONS_PER_ORGANIZATION', fallback: '100/1h' },
  /** Invitation emails per inviter, across all their organizations. */
  invitationsPerInviter: { variable: 'RATE_LIMIT_INVITATIONS_PER_INVITER', fallback: '100/1h' },
  /** Invitation emails per recipient address, from every organization. */
  invitationsPerRecipient: { variable: 'RATE_LIMIT_INVITATIONS_PER_RECIPIENT', fallback: '10/1d' },
  /** requestPasswordReset per email address (known or not: the answer is the same). */
  passwordResetPerEmail: { variable: 'RATE_LIMIT_PASSWORD_RESET_PER_EMAIL', fallback: '5/1h' },
  /** requestPasswordReset per client address. */
  passwordResetPerAddress: { variable: 'RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS', fallback: '20/1h' },
  /** requestEmailVerification per account email address. */
  emailVerificationPerEmail: { variable: 'RATE_LIMIT_EMAIL_VERIFICATION_PER_EMAIL', fallback: '5/1h' },
  /** requestEmailVerification per client address. */
  emailVerificationPerAddress: { variable: 'RATE_LIMIT_EMAIL_VERIFICATION_PER_ADDRESS', fallback: '20/1h' },
} as const;

export type BudgetName = keyof typeof BUDGETS;

export interface Budget {
  points: number;
  durationSeconds: number;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
const BUDGET_PATTERN = /^(\d{1,9})\/(\d{1,6})([smhd])$/;

/** `10/15m` → ten attempts per fifteen minutes; null when the text is not a budget. */
export function parseBudget(text: string): Budget | null {
  const match = BUDGET_PATTERN.exec(text.trim());
  if (!match) return null;
  const points = Number(match[1]);
  const durationSeconds = Number(match[2]) * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS];
  return points >= 1 && durationSeconds >= 1 ? { points, durationSeconds } : null;
}
