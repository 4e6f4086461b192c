import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invitationMail, organizationNotificationMail, removedNoticeMail } from '../src/modules/mail/templates';
import { registerUser } from './support/factories';
import { acceptToken, decodeQuotedPrintable, freePort, startMailSink } from './support/mail';
import { dataOf, startTestServer, type TestServer } from './support/server';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { moniker } } }`;
const sql = (api: TestServer, query: string, params: unknown[] = []) => api.server.database.dataSource.query(query, params);
/** The invitation's mail job, as pg-boss keeps it. */
const invitationJob = async (api: TestServer) =>
  (await sql(api, `SELECT state, retry_count, output, completed_on FROM pgboss.job WHERE name = 'mail' AND data->>'kind' = 'invitation'`))[0];

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('mail delivery', () => {
  it('without SMTP_URL writes each message as an .eml file under MAIL_DIR', async () => {
    const mailDir = await mkdtemp(path.join(tmpdir(), 'orgraph-eml-'));
    const api = await startTestServer({ MAIL_DIR: mailDir, PUBLIC_URL: 'https://files.example.test' });
    try {
      const ann = await registerUser(api);
      dataOf(await api.exec(INVITE, { input: { organizationId: ann.organization.id, email: 'eml.reader@example.com', role: 'MEMBER' } }, ann.token));
      // The invitation's file (registering wrote the account's verification email too).
      const eml = await until(async () => {
        const files = (await readdir(mailDir)).filter((f) => f.endsWith('.eml'));
        const texts = await Promise.all(files.map(async (f) => decodeQuotedPrintable(await readFile(path.join(mailDir, f), 'utf8'))));
        return texts.find((text) => /^To: eml\.reader@example\.com$/m.test(text)) ?? false;
      });
      expect(eml).toMatch(/^To: eml\.reader@example\.com$/m);
      expect(eml).toMatch(/https:\/\/files\.example\.test\/invitations\/accept\?token=[A-Za-z0-9_-]{43}/);
      const job = await until(async () => {
        const current = await invitationJob(api);
        return current.state === 'completed' && current;
      });
      expect(job).toMatchObject({ retry_count: 0, output: { sent: true } });
    } finally {
      await api.stop();
    }
  });

  it('keeps retrying while SMTP is down and delivers exactly once when it comes up', async () => {
    const port = await freePort();
    const api = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    let sink: Awaited<ReturnType<typeof startMailSink>> | null = null;
    try {
      const ann = await registerUser(api);
      dataOf(await api.exec(INVITE, { input: { organizationId: ann.organization.id, email: 'patient@example.com', role: 'MEMBER' } }, ann.token));
      // Failed twice: the first attempt and its first retry.
      const failed = await until(async () => {
        const job = await invitationJob(api);
        return job?.retry_count >= 2 && job;
      });
      expect(failed.state).toMatch(/^(retry|active)$/);
      expect(failed.output.error).toMatch(/ECONNREFUSED/);

      sink = await startMailSink(port);
      const mail = await sink.nextTo('patient@example.com');
      expect(acceptToken(mail)).toHaveLength(43);
      const sent = await until(async () => {
        const job = await invitationJob(api);
        return job.state === 'completed' && job;
      });
      expect(sent.output).toEqual({ sent: true });
      // Long enough for any duplicate to arrive: several poll intervals and backoff steps.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(sink.messages.filter((m) => m.to.includes('patient@example.com'))).toHaveLength(1);
    } finally {
      await api.stop();
      await sink?.stop();
    }
  });

  it('sends organization notifications to the owners', async () => {
    const sink = await startMailSink();
    const api = await startTestServer({ SMTP_URL: sink.url });
    try {
      const ann = await registerUser(api, { organizationName: 'Notify Me' });
      dataOf(await api.exec(UPDATE, { input: { organizationId: ann.organization.id, moniker: 'notify-me-now' } }, ann.token));
      const mail = await sink.nextTo(ann.user.email);
      expect(mail.body).toContain(`The moniker of Notify Me changed from "${ann.organization.moniker}" to "notify-me-now".`);
    } finally {
      await api.stop();
      await sink.stop();
    }
  });
});

describe('mail templates', () => {
  const organization = { name: 'Evil <script> & Co', moniker: 'evil-co' };

  it('escapes every value in HTML and keeps the text as written', () => {
    const mail = invitationMail({
      to: 'a@example.com',
      organizationName: organization.name,
      inviterName: 'Mallory "M"',
      inviteeName: null,
      note: 'Click <a href="x">here</a>',
      expiresAt: new Date('2030-01-02T03:04:05Z'),
      link: 'https://x.test/invitations/accept?token=abc&x=<y>',
    });
    expect(mail.html).not.toMatch(/<script>|<a href="x">|<y>/);
    expect(mail.html).toContain('Evil &lt;script&gt; &amp; Co');
    expect(mail.html).toContain('href="https://x.test/invitations/accept?token=abc&amp;x=&lt;y&gt;"');
    expect(mail.text).toContain('Click <a href="x">here</a>');
    expect(mail.text).toContain('2030-01-02');
    expect(mail.subject).toBe('Mallory "M" invited you to join Evil <script> & Co on Orgraph');
  });

  it('describes every notification event and the removal notice', () => {
    const to = ['owner@example.com'];
    const bodies = [
      organizationNotificationMail({ to, organization, notification: { event: 'invitation.accepted', email: 'n@example.com', name: 'Nia' } }),
      organizationNotificationMail({ to, organization, notification: { event: 'invitation.declined', email: 'n@example.com' } }),
      organizationNotificationMail({ to, organization, notification: { event: 'member.removed', email: 'n@example.com', name: 'Nia' } }),
      organizationNotificationMail({ to, organization, notification: { event: 'member.left', email: 'n@example.com', name: 'Nia' } }),
      organizationNotificationMail({ to, organization, notification: { event: 'organization.moniker_changed', from: 'old', to: 'new' } }),
      organizationNotificationMail({ to, organization, notification: { event: 'organization.deleted' } }),
    ].map((m) => m.text);
    expect(bodies.map((b) => b.split('\n')[0])).toEqual([
      'Nia (n@example.com) accepted the invitation and is now a member of Evil <script> & Co.',
      'n@example.com declined the invitation to Evil <script> & Co.',
      'Nia (n@example.com) was removed from Evil <script> & Co.',
      'Nia (n@example.com) left Evil <script> & Co.',
      'The moniker of Evil <script> & Co changed from "old" to "new".',
      'The organization Evil <script> & Co ("evil-co") and everything it held were deleted.',
    ]);
    const notice = removedNoticeMail({ to: ['gone@example.com'], organization });
    expect(notice).toMatchObject({ to: ['gone@example.com'], subject: 'You were removed from Evil <script> & Co' });
  });
});
