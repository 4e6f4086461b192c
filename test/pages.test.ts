import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print } from 'graphql';
import { LOGOUT } from '../src/http/pages/common';
import { ACCEPT_INVITATION, DECLINE_INVITATION, INVITATION_PREVIEW, LOGIN as PAGE_LOGIN } from '../src/http/pages/invitation';
import { launchBrowser } from './support/browser';
import { registerUser, type Account } from './support/factories';
import { acceptToken, freePort, startMailSink, type CaughtMail, type MailSink } from './support/mail';
import { dataOf, startTestServer, type TestServer } from './support/server';

/* The pages behind the email links (CONTRACT.md, Links and pages), over HTTP and in Chromium. */

let api: TestServer;
let sink: MailSink;
/** PUBLIC_URL: the server itself, as by default, so the mails' links open these pages. */
let origin: string;

beforeAll(async () => {
  sink = await startMailSink();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  api = await startTestServer({ SMTP_URL: sink.url, PORT: String(port), PUBLIC_URL: origin });
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

const INVITE = `mutation InviteMember($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id expiresAt } } }`;
const ACCEPT = `mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { token user { id email name } organization { id moniker viewerRole } }
}`;
const DECLINE = `mutation DeclineInvitation($input: DeclineInvitationInput!) { declineInvitation(input: $input) { invitation { id status } } }`;
const RESEND = `mutation ResendInvitation($input: ResendInvitationInput!) { resendInvitation(input: $input) { invitation { id } } }`;
const REVOKE = `mutation RevokeInvitation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id } } }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { token } }`;
const MY_ORGANIZATIONS = `{ viewer { email organizations(first: 20) { nodes { id viewerRole } } } }`;

const PASSWORD = 'a long enough password';
let counter = 0;
const freshEmail = () => `page-${Date.now().toString(36)}-${++counter}@example.com`;
const sql = (query: string, params: unknown[] = []) => api.server.database.dataSource.query<Array<Record<string, unknown>>>(query, params);
const statusOf = async (id: string) => (await sql(`SELECT status FROM invitations WHERE id = $1`, [id]))[0].status;
const sessionsOf = async (email: string) =>
  Number((await sql(`SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`, [email]))[0].n);

/** The link of an invitation mail, as the invitee's mail program shows it. */
const linkIn = (mail: CaughtMail) => {
  const link = mail.body.match(/https?:\/\/\S*\/invitations\/accept\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no accept link in:\n${mail.body}`);
  return link;
};

async function invited(owner: Account, input: Record<string, unknown> = {}) {
  const email = (input.email as string | undefined) ?? freshEmail();
  const { invitation } = dataOf(
    await api.exec(INVITE, { input: { organizationId: owner.organization.id, role: 'MEMBER', email, ...input } }, owner.token),
  ).inviteMember;
  const mail = await sink.nextTo(email);
  return { invitation: invitation as { id: string; expiresAt: string }, token: acceptToken(mail), link: linkIn(mail), email };
}

const page = (path: string, init: RequestInit = {}) => fetch(`${origin}${path}`, { redirect: 'manual', ...init });
const acceptPage = (token: string) => page(`/invitations/accept?token=${encodeURIComponent(token)}`);
/** A form posted as a browser on the page would post it. */
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  page(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'same-origin', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
const postInvitation = (fields: Record<string, string>, headers?: Record<string, string>) => post('/invitations/accept', fields, headers);

/** A page's markup with its layout whitespace squeezed out, for comparisons that do not depend on it. */
const textOf = async (response: Response) =>
  (await response.text())
    .replace(/\s+/g, ' ')
    .replace(/>\s+</g, '><')
    .replace(/\s*\/>/g, '>');

/** The hidden token every form of a page carries. */
const hiddenTokens = (body: string) => [...body.matchAll(/<input type="hidden" name="token" value="([^"]*)">/g)].map((m) => m[1]);

const expectPageHeaders = (response: Response) => {
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('content-security-policy')).toBe(
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
};

describe('the pages act through the API', () => {
  it("send exactly the contract's operations, as an SPA serving these paths would", () => {
    const dir = path.resolve(__dirname, '../../shared/api/operations');
    const contract = new Set(
      readdirSync(dir)
        .filter((file) => file.endsWith('.graphql'))
        .flatMap((file) => parse(readFileSync(path.join(dir, file), 'utf8')).definitions)
        .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => print(d)),
    );
    for (const operation of [INVITATION_PREVIEW, ACCEPT_INVITATION, DECLINE_INVITATION, PAGE_LOGIN, LOGOUT]) {
      expect(contract.has(print(parse(operation).definitions[0]))).toBe(true);
    }
  });
});

describe('the invitation page over HTTP', () => {
  let ann: Account;
  beforeAll(async () => {
    ann = await registerUser(api, { name: 'Ann Owner', organizationName: 'Ann & Co' });
  });

  it('shows the invitation on GET, with its headers, and leaves the token unused for the API', async () => {
    const { invitation, token, link, email } = await invited(ann, { role: 'ADMIN', note: 'See you on Monday' });
    expect(link.startsWith(`${origin}/invitations/accept?token=`)).toBe(true);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expectPageHeaders(response);
      const body = await textOf(response);
      expect(body).toContain('<h1>Invitation to join Ann &amp; Co</h1>');
      expect(body).toContain('<dt>Invited by</dt><dd>Ann Owner</dd>');
      expect(body).toContain('<dt>Role</dt><dd>Admin</dd>');
      expect(body).toContain(`<dt>For</dt><dd>${email}</dd>`);
      expect(body).toContain(`<time datetime="${invitation.expiresAt}">`);
      expect(body).toContain('See you on Monday');
      expect(body).toContain('<link rel="stylesheet" href="/pages/style.css">');
      expect(body).not.toMatch(/<script|style=|<style/i);
      expect(hiddenTokens(body)).toEqual([token, token, token]);
      // Every input has its label.
      for (const [, id] of body.matchAll(/<input id="([^"]+)"/g)) expect(body).toContain(`<label for="${id}">`);
    }
    expect(await statusOf(invitation.id)).toBe('PENDING');
    const accepted = dataOf(await api.exec(ACCEPT, { input: { token, name: 'Came Later', password: PASSWORD } }));
    expect(accepted.acceptInvitation.organization.viewerRole).toBe('ADMIN');
  });

  it('serves its stylesheet from this origin', async () => {
    const response = await page('/pages/style.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await textOf(response)).toContain(':focus-visible');
  });

  it('escapes the names and the note that users chose', async () => {
    const mallory = await registerUser(api, { name: '<img src=x onerror=alert(1)>', organizationName: '<script>alert("org")</script> & "Co"' });
    const { token } = await invited(mallory, { note: `</p><form action="https://evil.example"><button>Go</button></form>'` });
    const body = await textOf(await acceptPage(token));
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('https://evil.example"><button>');
    expect(body).toContain('&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&lt;/p&gt;&lt;form action=&quot;https://evil.example&quot;&gt;&lt;button&gt;Go&lt;/button&gt;&lt;/form&gt;&#39;');
  });

  it('answers 410 with a page that says why for used, expired, declined, revoked and replaced links; 410 for unknown ones, 400 without a token', async () => {
    const used = await invited(ann);
    dataOf(await api.exec(ACCEPT, { input: { token: used.token, name: 'Used', password: PASSWORD } }));
    const expired = await invited(ann);
    await sql(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.invitation.id]);
    const declined = await invited(ann);
    dataOf(await api.exec(DECLINE, { input: { token: declined.token } }));
    const revoked = await invited(ann);
    dataOf(await api.exec(REVOKE, { input: { invitationId: revoked.invitation.id } }, ann.token));
    const replaced = await invited(ann);
    dataOf(await api.exec(RESEND, { input: { invitationId: replaced.invitation.id } }, ann.token));
    const cases: Array<[string, string]> = [
      [used.token, 'This invitation was already accepted'],
      [expired.token, 'This invitation has expired'],
      [declined.token, 'This invitation was declined'],
      [revoked.token, 'This invitation was withdrawn'],
      [replaced.token, 'This invitation link no longer works'],
      ['not-a-token-of-ours', 'This invitation link no longer works'],
    ];
    for (const [token, heading] of cases) {
      const shown = await acceptPage(token);
      expect(shown.status).toBe(410);
      expectPageHeaders(shown);
      const body = await textOf(shown);
      expect(body).toContain(`<h1>${heading}</h1>`);
      expect(body).not.toContain('<form');
      for (const intent of ['create', 'signin', 'decline']) {
        const pressed = await postInvitation({ token, intent, name: 'X', password: PASSWORD, passwordRepeat: PASSWORD });
        expect(pressed.status).toBe(410);
        expect(await textOf(pressed)).toContain(`<h1>${heading}</h1>`);
      }
    }
    // Pressing a button on a dead link changed nothing.
    expect(await statusOf(expired.invitation.id)).toBe('PENDING');
    const missing = await page('/invitations/accept');
    expect(missing.status).toBe(400);
    expect(await textOf(missing)).toContain('This link is incomplete');
  });

  it('lets a newcomer create the account and accept; a refusal re-renders the form with the token kept', async () => {
    const { invitation, token, email } = await invited(ann, { name: 'Nina New' });
    const shown = await textOf(await acceptPage(token));
    expect(shown).toMatch(/<input id="create-name" name="name" type="text" autocomplete="name" value="Nina New"/);

    const differ = await postInvitation({ token, intent: 'create', name: 'Nina', password: PASSWORD, passwordRepeat: `${PASSWORD}!` });
    expect(differ.status).toBe(400);
    const differBody = await textOf(differ);
    expect(differBody).toContain('The two passwords differ.');
    expect(differBody).toContain('aria-invalid="true"');
    expect(hiddenTokens(differBody)).toEqual([token, token, token]);

    const short = await postInvitation({ token, intent: 'create', name: 'Nina', password: 'short', passwordRepeat: 'short' });
    expect(short.status).toBe(400);
    const shortBody = await textOf(short);
    expect(shortBody).toMatch(/<p class="field-error" id="create-password-error">[^<]+<\/p>/);
    expect(shortBody).toContain('value="Nina"');
    expect(hiddenTokens(shortBody)).toEqual([token, token, token]);
    expect(await statusOf(invitation.id)).toBe('PENDING');

    const done = await postInvitation({ token, intent: 'create', name: 'Nina', password: PASSWORD, passwordRepeat: PASSWORD });
    expect(done.status).toBe(200);
    expectPageHeaders(done);
    const body = await textOf(done);
    expect(body).toContain('<h1>You joined Ann &amp; Co</h1>');
    expect(body).toContain(`sign in with <strong>${email}</strong>`);
    expect(await statusOf(invitation.id)).toBe('ACCEPTED');
    // The page keeps no session: the one the API opened for the new account has ended.
    expect(await sessionsOf(email)).toBe(0);
    const { login } = dataOf(await api.exec(LOGIN, { input: { email, password: PASSWORD } }));
    const { viewer } = dataOf(await api.exec(MY_ORGANIZATIONS, {}, login.token));
    expect(viewer.organizations.nodes).toContainEqual({ id: ann.organization.id, viewerRole: 'MEMBER' });

    const again = await postInvitation({ token, intent: 'create', name: 'Nina', password: PASSWORD, passwordRepeat: PASSWORD });
    expect(again.status).toBe(410);
  });

  it('lets an existing user accept by signing in; a wrong password re-renders the form, 401', async () => {
    const bob = await registerUser(api, { name: 'Bob Existing', password: PASSWORD });
    const { invitation, token } = await invited(ann, { email: bob.user.email.toUpperCase() });
    const before = await sessionsOf(bob.user.email);

    const wrong = await postInvitation({ token, intent: 'signin', email: bob.user.email, password: 'not his password' });
    expect(wrong.status).toBe(401);
    const wrongBody = await textOf(wrong);
    expect(wrongBody).toContain('That password is not right for');
    expect(wrongBody).toMatch(/<p class="field-error" id="signin-password-error">Wrong password.<\/p>/);
    expect(hiddenTokens(wrongBody)).toEqual([token, token, token]);
    expect(await statusOf(invitation.id)).toBe('PENDING');

    const done = await postInvitation({ token, intent: 'signin', email: bob.user.email, password: PASSWORD });
    expect(done.status).toBe(200);
    expect(await textOf(done)).toContain('<h1>You joined Ann &amp; Co</h1>');
    expect(await statusOf(invitation.id)).toBe('ACCEPTED');
    // Signed in only to accept: that session ended; Bob's own is untouched.
    expect(await sessionsOf(bob.user.email)).toBe(before);
    const { viewer } = dataOf(await api.exec(MY_ORGANIZATIONS, {}, bob.token));
    expect(viewer.organizations.nodes).toContainEqual({ id: ann.organization.id, viewerRole: 'MEMBER' });
  });

  it('tells a newcomer whose email has an account to sign in instead', async () => {
    const carl = await registerUser(api, { password: PASSWORD });
    const { invitation, token } = await invited(ann, { email: carl.user.email });
    const response = await postInvitation({ token, intent: 'create', name: 'Carl', password: 'another password', passwordRepeat: 'another password' });
    expect(response.status).toBe(401);
    expect(await textOf(response)).toContain('already exists: sign in with its password below');
    expect(await statusOf(invitation.id)).toBe('PENDING');
  });

  it('lets anyone holding the link decline', async () => {
    const { invitation, token } = await invited(ann);
    const response = await postInvitation({ token, intent: 'decline' });
    expect(response.status).toBe(200);
    expect(await textOf(response)).toContain('<h1>Invitation declined</h1>');
    expect(await statusOf(invitation.id)).toBe('DECLINED');
  });

  it('refuses a POST another site made the browser send, and does nothing', async () => {
    const { invitation, token } = await invited(ann);
    const forged: Array<Record<string, string>> = [
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: 'null', 'sec-fetch-site': 'same-site' },
      // A browser without Fetch Metadata: the Origin decides.
      { origin: 'https://evil.example' },
    ];
    for (const headers of forged) {
      const response = await page('/invitations/accept', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ token, intent: 'decline' }).toString(),
      });
      expect(response.status).toBe(403);
      expectPageHeaders(response);
      expect(await textOf(response)).toContain('This form was sent from another site');
    }
    expect(await statusOf(invitation.id)).toBe('PENDING');
    // The page's own origin passes.
    const own = await postInvitation({ token, intent: 'decline' }, { origin });
    expect(own.status).toBe(200);
  });

  it('answers a form it cannot read with a page, not JSON', async () => {
    const response = await page('/invitations/accept', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'x'.repeat(20_000)}`,
    });
    expect(response.status).toBe(413);
    expectPageHeaders(response);
    expect(await textOf(response)).toContain('This form could not be read');
  });
});

describe('the invitation page and the attempt budgets', () => {
  it('counts failed sign-ins as failed logins: past the budget, 429 with Retry-After, even for the right password', async () => {
    const limitedSink = await startMailSink();
    const limited = await startTestServer({ SMTP_URL: limitedSink.url, RATE_LIMITS: 'on', RATE_LIMIT_LOGIN_PER_EMAIL_AND_ADDRESS: '2/15m' });
    try {
      const owner = await registerUser(limited);
      const bob = await registerUser(limited, { password: PASSWORD });
      dataOf(await limited.exec(INVITE, { input: { organizationId: owner.organization.id, role: 'MEMBER', email: bob.user.email } }, owner.token));
      const token = acceptToken(await limitedSink.nextTo(bob.user.email));
      const signIn = (password: string) =>
        fetch(`${new URL(limited.url).origin}/invitations/accept`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, intent: 'signin', password }).toString(),
        });
      expect((await signIn('wrong password 1')).status).toBe(401);
      expect((await signIn('wrong password 2')).status).toBe(401);
      const refused = await signIn(PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await textOf(refused);
      expect(body).toContain('role="alert"');
      expect(hiddenTokens(body)).toEqual([token, token, token]);
      const [row] = await limited.server.database.dataSource.query<Array<{ status: string }>>(`SELECT status FROM invitations WHERE email = $1`, [
        bob.user.email,
      ]);
      expect(row.status).toBe('PENDING');
    } finally {
      await limited.stop();
      await limitedSink.stop();
    }
  });
});

describe('the invitation page in Chromium', () => {
  it('opens the mailed link, takes a newcomer through the form with the keyboard alone, and violates no CSP', async () => {
    const browser = await launchBrowser();
    if (!browser) return;
    try {
      const ann = await registerUser(api, { name: 'Ann Browser', organizationName: 'Browser & Co' });
      const { invitation, link, email } = await invited(ann, { note: '<b>Welcome</b>' });
      const page = await browser.newPage();
      const consoleProblems: string[] = [];
      page.on('console', (message) => {
        if (/content security policy|refused to/i.test(message.text())) consoleProblems.push(message.text());
      });
      // Playwright's init scripts run whatever the page's CSP says: they record its violations.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });

      const opened = await page.goto(link);
      expect(opened?.status()).toBe(200);
      expect(await page.textContent('h1')).toBe('Invitation to join Browser & Co');
      expect(await page.textContent('.note')).toBe('<b>Welcome</b>');
      // The stylesheet loaded (CSP: style-src 'self').
      expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).not.toBe('none');

      const focused = () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('create-name');
      await page.keyboard.type('Nadia Keyboard');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('create-email');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('create-password');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('create-password-repeat');
      await page.keyboard.type(PASSWORD);
      const submitted = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.keyboard.press('Enter');
      expect((await submitted).status()).toBe(200);
      await page.waitForLoadState('load');
      expect(await page.textContent('h1')).toBe('You joined Browser & Co');
      expect(await page.textContent('[role=status]')).toContain('You are now a member of Browser & Co');
      expect(await statusOf(invitation.id)).toBe('ACCEPTED');
      const { login } = dataOf(await api.exec(LOGIN, { input: { email, password: PASSWORD } }));
      expect(login.token).toEqual(expect.any(String));

      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(consoleProblems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
