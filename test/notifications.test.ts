import {
  AcceptInvitationDocument,
  DeleteOrganizationDocument,
  InviteMemberDocument,
  RemoveMemberDocument,
  UpdateOrganizationDocument,
  VerifyEmailDocument,
} from './generated/graphql';
import { registerUser } from './support/factories';
import { acceptToken, linkToken, startMailSink, type MailSink } from './support/mail';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** Notifications end to end: from the mutation, through the mail queue and SMTP, to the right mailbox. */
let sink: MailSink;
let api: TestServer;
beforeAll(async () => {
  sink = await startMailSink();
  api = await startTestServer({ SMTP_URL: sink.url, PUBLIC_URL: 'https://app.example.test' });
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

it('go to each owner, or to the notification email once set and confirmed, and the removed member is told', async () => {
  const ann = await registerUser(api, { organizationName: 'Notified Org' });
  const organizationId = ann.organization.id;
  const update = (input: Record<string, unknown>) => api.exec(UpdateOrganizationDocument, { input: { organizationId, ...input } }, ann.token);

  dataOf(await update({ moniker: 'notified-one' }));
  expect((await sink.nextTo(ann.user.email)).body).toContain('notified-one');

  dataOf(await update({ notificationEmail: 'Ops@Example.com' }));
  // The mailbox gets mail once it confirmed its link (CONTRACT.md, Accounts; test/accounts-invitations.test.ts covers the wait).
  const link = linkToken(await sink.nextTo('ops@example.com', 10_000, /notification mailbox/), '/verify-email');
  dataOf(await api.exec(VerifyEmailDocument, { input: { token: link } }));
  dataOf(await update({ moniker: 'notified-two' }));
  const monikerMail = await sink.nextTo('ops@example.com');
  expect(monikerMail.to).toEqual(['ops@example.com']);
  expect(monikerMail.body).toContain('notified-two');

  dataOf(await api.exec(InviteMemberDocument, { input: { organizationId, email: 'bea@example.com', role: 'MEMBER' } }, ann.token));
  const token = acceptToken(await sink.nextTo('bea@example.com'));
  const bea = dataOf(await api.exec(AcceptInvitationDocument, { input: { token, name: 'Bea', password: 'long enough pw' } })).acceptInvitation;
  expect((await sink.nextTo('ops@example.com')).body).toContain('bea@example.com');

  dataOf(await api.exec(RemoveMemberDocument, { input: { organizationId, userId: bea.user.id } }, ann.token));
  expect((await sink.nextTo('ops@example.com')).body).toContain('Bea');
  expect((await sink.nextTo('bea@example.com')).body).toContain('Notified Org');

  dataOf(await api.exec(DeleteOrganizationDocument, { input: { organizationId, confirmMoniker: 'notified-two' } }, ann.token));
  expect((await sink.nextTo('ops@example.com')).body).toContain('Notified Org');
  // Everything went to the mailbox once it was set: the owner heard only of the first change.
  expect(sink.messages.filter((m) => m.to.includes(ann.user.email) && !m.body.includes('/verify-email?token='))).toHaveLength(1);
});
