import type { InvitationMail, MailPayload, OrganizationNotification } from './mail.api';

/** A message ready for a transport; `link` is logged by the file transport so developers can click it. */
export interface RenderedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  link?: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Text and HTML from the same paragraphs, so the two versions never drift apart. Every value is escaped in HTML. */
function compose(to: string[], subject: string, paragraphs: string[], link?: string): RenderedMail {
  const textParts = link ? [...paragraphs, link] : paragraphs;
  const htmlParts = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  if (link) htmlParts.push(`<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`);
  return { to, subject, text: `${textParts.join('\n\n')}\n`, html: `<!doctype html><html><body>${htmlParts.join('\n')}</body></html>\n`, link };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export function invitationMail(m: InvitationMail): RenderedMail {
  const inviter = m.inviterName ?? 'Someone';
  return compose(
    [m.to],
    `${inviter} invited you to join ${m.organizationName} on Orgraph`,
    [
      `Hello${m.inviteeName ? ` ${m.inviteeName}` : ''},`,
      `${inviter} invited you to join the organization ${m.organizationName}.`,
      ...(m.note ? [`Their note:\n${m.note}`] : []),
      `The invitation expires on ${day(m.expiresAt)} (UTC). To accept or decline it, open this link:`,
    ],
    m.link,
  );
}

function notificationText(org: string, moniker: string, n: OrganizationNotification): [subject: string, body: string] {
  switch (n.event) {
    case 'invitation.accepted':
      return [`${n.name} joined ${org}`, `${n.name} (${n.email}) accepted the invitation and is now a member of ${org}.`];
    case 'invitation.declined':
      return [`Invitation to ${org} declined`, `${n.email} declined the invitation to ${org}.`];
    case 'member.removed':
      return [`${n.name} was removed from ${org}`, `${n.name} (${n.email}) was removed from ${org}.`];
    case 'member.left':
      return [`${n.name} left ${org}`, `${n.name} (${n.email}) left ${org}.`];
    case 'organization.moniker_changed':
      return [`${org} is now "${n.to}"`, `The moniker of ${org} changed from "${n.from}" to "${n.to}".`];
    case 'organization.deleted':
      return [`${org} was deleted`, `The organization ${org} ("${moniker}") and everything it held were deleted.`];
    case 'webhook.disabled':
      return [
        `A webhook of ${org} was disabled`,
        `Every delivery to ${n.url} failed for 3 days, so the webhook was disabled. Fix the endpoint, then enable it again (updateWebhook).`,
      ];
  }
}

export function organizationNotificationMail(payload: MailPayload<'organization.notification'>): RenderedMail {
  const [subject, body] = notificationText(payload.organization.name, payload.organization.moniker, payload.notification);
  return compose(payload.to, subject, [body, `You receive this as the notification mailbox of ${payload.organization.name}.`]);
}

export function removedNoticeMail(payload: MailPayload<'member.removed_notice'>): RenderedMail {
  const org = payload.organization.name;
  return compose(payload.to, `You were removed from ${org}`, [
    `You are no longer a member of the organization ${org} ("${payload.organization.moniker}") on Orgraph.`,
  ]);
}
