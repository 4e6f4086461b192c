import type { EntityManager } from 'typeorm';
import { OrganizationRole } from '../../authz/enums';
import type { MailApi, MailJob, OrganizationNotification } from './mail.api';
import { enqueueMail } from './queue';
import { sqlRows } from '../../db/sql';

export class MailService implements MailApi {
  enqueue(em: EntityManager, job: MailJob, organizationId: string | null): Promise<void> {
    return enqueueMail(em, job, organizationId);
  }

  /**
   * Enqueues a notification to the organization's mailbox: its notificationEmail once that
   * mailbox confirmed its link (CONTRACT.md, Accounts), otherwise each OWNER. Recipients are fixed now, inside the transaction, so a deleted
   * organization still has someone to tell.
   */
  async notifyOrganization(em: EntityManager, organizationId: string, notification: OrganizationNotification): Promise<void> {
    const [organization] = await sqlRows<{ name: string; moniker: string; notification_email: string | null; owner_emails: string[] }>(
      em,
      `SELECT o.name, o.moniker, CASE WHEN o.notification_email_verified_at IS NOT NULL THEN o.notification_email END AS notification_email,
              ARRAY(SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
                     WHERE m.organization_id = o.id AND m.role = $2 ORDER BY u.email) AS owner_emails
         FROM organizations o WHERE o.id = $1`,
      [organizationId, OrganizationRole.OWNER],
    );
    if (!organization) return;
    const to: string[] = organization.notification_email ? [organization.notification_email] : organization.owner_emails;
    if (to.length === 0) return;
    // The event is nested: its own fields (e.g. the new moniker's `to`) must not clash with the recipients.
    const payload = { to, organization: { name: organization.name, moniker: organization.moniker }, notification };
    await this.enqueue(em, { kind: 'organization.notification', payload }, organizationId);
  }
}
