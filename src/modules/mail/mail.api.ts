import type { EntityManager } from 'typeorm';

/** Events the organization's mailbox hears about (CONTRACT.md, Notifications). */
export type OrganizationNotification =
  | { event: 'invitation.accepted'; email: string; name: string }
  | { event: 'invitation.declined'; email: string }
  | { event: 'member.removed'; name: string; email: string }
  | { event: 'member.left'; name: string; email: string }
  | { event: 'organization.moniker_changed'; from: string; to: string }
  | { event: 'organization.deleted' };

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

/** Every kind of mail job and what it carries. */
export type MailJob =
  | { kind: 'invitation'; payload: InvitationJob }
  | { kind: 'organization.notification'; payload: { to: string[]; organization: OrganizationRef; notification: OrganizationNotification } }
  | { kind: 'member.removed_notice'; payload: { to: string[]; organization: OrganizationRef } };

export type MailPayload<K extends MailJob['kind']> = Extract<MailJob, { kind: K }>['payload'];

/** What other modules may ask of mail: both enqueue in the caller's transaction. */
export interface MailApi {
  /** A rolled-back change sends nothing. */
  enqueue(em: EntityManager, job: MailJob, organizationId: string | null): Promise<void>;
  /** To the organization's notificationEmail when set, otherwise each OWNER. */
  notifyOrganization(em: EntityManager, organizationId: string, notification: OrganizationNotification): Promise<void>;
}

/** What the mail worker asks of the modules above it when a job runs; wired by the composition root. */
export interface MailSources {
  /** The invitation email of a job, or null when the job is outdated (nothing is sent). */
  invitationMail(job: InvitationJob): Promise<InvitationMail | null>;
}
