import type { EntityManager } from 'typeorm';

/** Events the organization's mailbox hears about (CONTRACT.md, Notifications). */
export type OrganizationNotification =
  | { event: 'invitation.accepted'; email: string; name: string }
  | { event: 'invitation.declined'; email: string }
  | { event: 'member.removed'; name: string; email: string }
  | { event: 'member.left'; name: string; email: string }
  | { event: 'organization.moniker_changed'; from: string; to: string }
  | { event: 'organization.deleted' }
  | { event: 'webhook.disabled'; url: string };

export interface OrganizationRef {
  name: string;
  moniker: string;
}

/** The queued payload of an invitation mail: which invitation, and which sending of it. */
export interface InvitationJob {
  invitationId: string;
  sentCount: number;
}

/** What an invitation email says; the invitations module reads it (and mints the token) when the job runs. */
export interface InvitationMail {
  to: string;
  organizationName: string;
  inviterName: string | null;
  inviteeName: string | null;
  note: string | null;
  expiresAt: Date;
  link: string;
}

/** What a one-time account link is for (CONTRACT.md, Accounts); the accounts module keeps their tokens. */
export type AccountLinkPurpose = 'email_verification' | 'password_reset' | 'email_change' | 'mailbox_verification';

/** The queued payload of an account link mail: which request it answers (the worker mints the token then). */
export interface AccountLinkJob {
  requestId: string;
}

/** What an account link email says; the accounts module reads it (and mints the token) when the job runs. */
export interface AccountLinkMail {
  to: string;
  purpose: AccountLinkPurpose;
  /** The account's name, or the organization's for a notification mailbox. */
  name: string;
  expiresAt: Date;
  link: string;
}

/** A notice about a change to one's account, sent to the address the account had. */
export type AccountNotice = { notice: 'password_changed'; name: string } | { notice: 'email_change_requested'; name: string; newEmail: string };

/** Every kind of mail job and what it carries. */
export type MailJob =
  | { kind: 'invitation'; payload: InvitationJob }
  | { kind: 'account.link'; payload: AccountLinkJob }
  | { kind: 'account.notice'; payload: { to: string[]; notice: AccountNotice } }
  | { kind: 'organization.notification'; payload: { to: string[]; organization: OrganizationRef; notification: OrganizationNotification } }
  | { kind: 'member.removed_notice'; payload: { to: string[]; organization: OrganizationRef } };

export type MailPayload<K extends MailJob['kind']> = Extract<MailJob, { kind: K }>['payload'];

/** What other modules may ask of mail: both enqueue in the caller's transaction. */
export interface MailApi {
  /** A rolled-back change sends nothing. */
  enqueue(em: EntityManager, job: MailJob, organizationId: string | null): Promise<void>;
  /** To the organization's notificationEmail once confirmed, otherwise each OWNER. */
  notifyOrganization(em: EntityManager, organizationId: string, notification: OrganizationNotification): Promise<void>;
}

/** What the mail worker asks of the modules above it when a job runs; wired by the composition root. */
export interface MailSources {
  /** The invitation email of a job, or null when the job is outdated (nothing is sent). */
  invitationMail(job: InvitationJob): Promise<InvitationMail | null>;
  /** The account link email of a job, or null when the job is outdated or its address has no account (nothing is sent). */
  accountLinkMail(job: AccountLinkJob): Promise<AccountLinkMail | null>;
}
