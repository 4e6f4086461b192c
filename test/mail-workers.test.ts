import { InviteMemberDocument } from './generated/graphql';
import { registerUser } from './support/factories';
import { startMailSink, type MailSink } from './support/mail';
import { dataOf, startServerOnSameDatabase, startTestServer, type TestServer } from './support/server';

/** Two server processes' worth of workers on one mail queue: every mail is sent exactly once. */
let sink: MailSink;
let first: TestServer;
let second: TestServer | null = null;
beforeAll(async () => {
  sink = await startMailSink();
  first = await startTestServer({ SMTP_URL: sink.url });
  second = await startServerOnSameDatabase(first, { SMTP_URL: sink.url });
});
afterAll(async () => {
  await second?.stop();
  await first.stop();
  await sink.stop();
});

// Two servers cannot share the embedded PGlite (one process, one connection): this runs on DATABASE_URL, as in CI.
const onRealPostgres = process.env.DATABASE_URL ? it : it.skip;
if (!process.env.DATABASE_URL) console.warn('mail-workers: skipped without DATABASE_URL; two servers cannot share the embedded PGlite');

onRealPostgres('delivers each invitation once when two servers work the same queue', async () => {
  const ann = await registerUser(first);
  const emails = Array.from({ length: 20 }, (_, i) => `worker-${i}@example.com`);
  for (const [i, email] of emails.entries()) {
    const api = i % 2 ? second! : first;
    dataOf(await api.exec(InviteMemberDocument, { input: { organizationId: ann.organization.id, email, role: 'MEMBER' } }, ann.token));
  }
  for (const email of emails) await sink.nextTo(email);
  // Give a duplicate time to show up before counting.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const email of emails) expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
});
