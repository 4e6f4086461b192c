import type { AccountLinkMail, InvitationMail, MailPayload, OrganizationNotification } from './mail.api';

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
function compose(to: string[], subject: string, paragraphs: string[], link?: string, after: string[] = []): RenderedMail {
  const textParts = link ? [...paragraphs, link, ...after] : [...paragraphs, ...after];
  const paragraph = (p: string) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`;
  const htmlParts = paragraphs.map(paragraph);
  if (link) htmlParts.push(`<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`);
  htmlParts.push(...after.map(paragraph));
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

/** When a link stops working, to the minute (UTC). */
const moment = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function accountLinkMail(m: AccountLinkMail): RenderedMail {
  const until = `The link works once, until ${moment(m.expiresAt)}.`;
  switch (m.purpose) {
    case 'email_verification':
      return compose(
        [m.to],
        'Confirm your email address on Orgraph',
        [`Hello ${m.name},`, `Please confirm that ${m.to} is your email address on Orgraph. ${until} Open it to confirm:`],
        m.link,
      );
    case 'password_reset':
      return compose(
        [m.to],
        'Reset your Orgraph password',
        [
          `Hello ${m.name},`,
          `Someone (we hope you) asked to reset the password of your Orgraph account. ${until} Open it to choose a new password; every session of the account will end:`,
        ],
        m.link,
        [`If you did not ask for this, ignore this email: your password stays as it is.`],
      );
    case 'email_change':
      return compose(
        [m.to],
        'Confirm your new email address on Orgraph',
        [`Hello ${m.name},`, `You asked to use ${m.to} as the email address of your Orgraph account. ${until} Open it to confirm the change:`],
        m.link,
      );
    case 'mailbox_verification':
      return compose(
        [m.to],
        `Confirm ${m.to} as the notification mailbox of ${m.name}`,
        [
          `${m.to} was named the notification mailbox of the organization ${m.name} on Orgraph. Until it is confirmed, its notifications go to its owners. ${until} Open it to confirm:`,
        ],
        m.link,
      );
  }
}

export function accountNoticeMail(payload: MailPayload<'account.notice'>): RenderedMail {
  const n = payload.notice;
  switch (n.notice) {
    case 'password_changed':
      return compose(payload.to, 'Your Orgraph password was changed', [
        `Hello ${n.name},`,
        'The password of your Orgraph account was just changed, and every other session of the account ended.',
        'If you did not do this, reset your password at once ("Forgot password") and tell the administrators of your organizations.',
      ]);
    case 'email_change_requested':
      return compose(payload.to, 'A change of your Orgraph email address was requested', [
        `Hello ${n.name},`,
        `Someone signed in to your Orgraph account asked to change its email address to ${n.newEmail}. The change happens once that address confirms the link it was sent.`,
        'If you did not do this, change your password at once: whoever did it knows your current password.',
      ]);
  }
}
