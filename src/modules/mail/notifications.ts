import type { EntityManager } from 'typeorm';
import { OrganizationRole } from '../../authz/enums';
import { enqueueMail } from './queue';

/** Events the organization's mailbox hears about (CONTRACT.md, Notifications). */
export type OrganizationNotification =
  | { event: 'invitation.accepted'; email: string; name: string }
  | { event: 'invitation.declined'; email: string }
  | { event: 'member.removed'; name: string; email: string }
  | { event: 'member.left'; name: string; email: string }
  | { event: 'organization.moniker_changed'; from: string; to: string }
  | { event: 'organization.deleted' };

/**
 * Enqueues a notification to the organization's mailbox: its notificationEmail when set,
 * otherwise each OWNER. Recipients are fixed now, inside the transaction, so a deleted
 * organization still has someone to tell.
 */
export async function notifyOrganization(em: EntityManager, organizationId: string, notification: OrganizationNotification): Promise<void> {
  const [organization] = await em.query(
    `SELECT o.name, o.moniker, o.notification_email,
            ARRAY(SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
                   WHERE m.organization_id = o.id AND m.role = $2 ORDER BY u.email) AS owner_emails
       FROM organizations o WHERE o.id = $1`,
    [organizationId, OrganizationRole.OWNER],
  );
  if (!organization) return;
  const to: string[] = organization.notification_email ? [organization.notification_email] : organization.owner_emails;
  if (to.length === 0) return;
  // The event is nested: its own fields (e.g. the new moniker's `to`) must not clash with the recipients.
  await enqueueMail(em, 'organization.notification', { to, organization: { name: organization.name, moniker: organization.moniker }, notification }, organizationId);
}
