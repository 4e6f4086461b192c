import type { DataSource } from 'typeorm';
import type { InvitationJob, InvitationMail } from '../mail/mail.api';
import { newToken, tokenHash } from '../../common/tokens';
import { sqlRows } from '../../db/sql';

export const acceptLink = (publicUrl: string, token: string) => `${publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`;

/**
 * Mints the invitation's token at send time, so the raw token exists only in the outgoing
 * message and never in the database (not even in the mail queue). The update matches only while
 * the job is current: a resend bumps sent_count (and an accept, decline or revoke changes the
 * status), so an outdated job mints nothing and returns null. A retried job mints anew; only
 * the token of the delivered message works.
 */
export async function composeInvitationMail(dataSource: DataSource, job: InvitationJob, publicUrl: string): Promise<InvitationMail | null> {
  const token = newToken();
  const [row] = await sqlRows<{
    email: string;
    name: string | null;
    note: string | null;
    expires_at: Date;
    organization_name: string;
    inviter_name: string | null;
  }>(
    dataSource,
    `WITH minted AS (
       UPDATE invitations SET token_hash = $1
        WHERE id = $2 AND sent_count = $3 AND status = 'PENDING' AND expires_at > now()
        RETURNING email, name, note, expires_at, organization_id, invited_by_id)
     SELECT m.email, m.name, m.note, m.expires_at, o.name AS organization_name, u.name AS inviter_name
       FROM minted m JOIN organizations o ON o.id = m.organization_id LEFT JOIN users u ON u.id = m.invited_by_id`,
    [tokenHash(token), job.invitationId, job.sentCount],
  );
  if (!row) return null;
  return {
    to: row.email,
    inviteeName: row.name,
    organizationName: row.organization_name,
    inviterName: row.inviter_name,
    note: row.note,
    expiresAt: new Date(row.expires_at),
    link: acceptLink(publicUrl, token),
  };
}
