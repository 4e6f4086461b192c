import type { Request, Response } from 'express';
import { html, type HtmlPart, type SafeHtml } from './html';
import { alert, field, hidden, layout, moment, sendPage, success } from './layout';
import { retryHeaders, statusFor, type OperationError } from './operations';
import { bodyText, continueLink, endSession, PASSWORD_MAX, PASSWORD_MIN, problemPage, queryToken, type PagesDeps } from './common';

export const INVITATION_PATH = '/invitations/accept';

/* The contract's operations (shared/api/operations), as an SPA would send them. */
export const INVITATION_PREVIEW = `query InvitationPreview($token: String!) {
  invitationPreview(token: $token) {
    email name role status expiresAt note
    organization { name moniker }
    invitedBy { name }
  }
}`;

export const ACCEPT_INVITATION = `mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    token
    user { id email name }
    organization { id moniker viewerRole }
  }
}`;

export const DECLINE_INVITATION = `mutation DeclineInvitation($input: DeclineInvitationInput!) {
  declineInvitation(input: $input) { invitation { id status } }
}`;

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    user { id email name }
  }
}`;

interface Preview {
  email: string;
  name: string | null;
  role: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED' | 'EXPIRED';
  /** A Date in process (executeOperation does not serialize), an ISO string over the wire. */
  expiresAt: string | Date;
  note: string | null;
  organization: { name: string; moniker: string };
  invitedBy: { name: string } | null;
}

interface AcceptData {
  acceptInvitation: { token: string | null; user: { id: string; email: string; name: string }; organization: { id: string; moniker: string } };
}

const ROLE_NAMES: Record<string, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', ACCOUNTANT: 'Accountant' };
const roleName = (role: string) => ROLE_NAMES[role] ?? role;
const inviterName = (p: Preview) => p.invitedBy?.name ?? 'Someone';

/** Which form was sent. */
type Intent = 'create' | 'signin' | 'decline';

interface FormState {
  /** The form the problem belongs to, if any. */
  intent?: Intent;
  problem?: HtmlPart;
  /** Field errors by input name, of `intent`'s form. */
  fields?: Record<string, string>;
  name?: string;
}

/** The invitation itself: what, from whom, which role, until when. */
function invitationSummary(p: Preview): SafeHtml {
  return html`<p><strong>${inviterName(p)}</strong> invited <strong>${p.email}</strong> to join <strong>${p.organization.name}</strong> on Orgraph.</p>
    <dl>
      <dt>Organization</dt>
      <dd>${p.organization.name}</dd>
      <dt>Invited by</dt>
      <dd>${p.invitedBy?.name ?? '(an account that no longer exists)'}</dd>
      <dt>Role</dt>
      <dd>${roleName(p.role)}</dd>
      <dt>For</dt>
      <dd>${p.email}</dd>
      <dt>Expires</dt>
      <dd>${moment(p.expiresAt)}</dd>
    </dl>
    ${
      p.note
        ? html`<p>${inviterName(p)} wrote:</p>
            <p class="note">${p.note}</p>`
        : ''
    }`;
}

function invitationForm(p: Preview, token: string, state: FormState = {}): SafeHtml {
  const errorsOf = (intent: Intent) => (state.intent === intent ? (state.fields ?? {}) : {});
  const create = errorsOf('create');
  const signin = errorsOf('signin');
  return layout(
    `Invitation to join ${p.organization.name}`,
    html`${state.problem ? alert(state.problem) : ''} ${invitationSummary(p)}
      <section aria-labelledby="create-heading">
        <h2 id="create-heading">New to Orgraph? Create your account</h2>
        <form method="post" action="${INVITATION_PATH}">
          ${hidden('token', token)}${hidden('intent', 'create')}
          ${field({ id: 'create-name', label: 'Your name', name: 'name', type: 'text', autocomplete: 'name', value: state.name ?? p.name ?? '', error: create.name, required: true, maxlength: 100 })}
          ${field({ id: 'create-email', label: 'Email', name: 'email', type: 'email', autocomplete: 'username', value: p.email, readonly: true, hint: 'The invited address; it becomes your sign-in.' })}
          ${field({ id: 'create-password', label: 'Choose a password', name: 'password', type: 'password', autocomplete: 'new-password', error: create.password, hint: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`, required: true, minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX })}
          ${field({ id: 'create-password-repeat', label: 'Repeat the password', name: 'passwordRepeat', type: 'password', autocomplete: 'new-password', error: create.passwordRepeat, required: true, maxlength: PASSWORD_MAX })}
          <button type="submit">Create account and accept</button>
        </form>
      </section>
      <section aria-labelledby="signin-heading">
        <h2 id="signin-heading">Already have an account? Sign in to accept</h2>
        <form method="post" action="${INVITATION_PATH}">
          ${hidden('token', token)}${hidden('intent', 'signin')}
          ${field({ id: 'signin-email', label: 'Email', name: 'email', type: 'email', autocomplete: 'username', value: p.email, readonly: true })}
          ${field({ id: 'signin-password', label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', error: signin.password, required: true, maxlength: PASSWORD_MAX })}
          <button type="submit">Sign in and accept</button>
        </form>
      </section>
      <section aria-labelledby="decline-heading">
        <h2 id="decline-heading">Not for you?</h2>
        <p>Declining ends the invitation: ${p.organization.name} is told, and this link stops working.</p>
        <form method="post" action="${INVITATION_PATH}">
          ${hidden('token', token)}${hidden('intent', 'decline')}
          <button type="submit" class="secondary">Decline the invitation</button>
        </form>
      </section>`,
  );
}

/** A link that no longer works (HTTP 410), saying why when the invitation still exists. */
function goneInvitation(p: Preview | null): SafeHtml {
  if (!p) {
    return layout(
      'This invitation link no longer works',
      html`<p>The link is not valid: the invitation may have been sent again (then only the newest email's link works), or the link was copied incompletely.</p>
        <p>Open the newest invitation email, or ask the person who invited you to send the invitation again.</p>`,
    );
  }
  const org = p.organization.name;
  const texts: Record<Exclude<Preview['status'], 'PENDING'>, [string, SafeHtml]> = {
    EXPIRED: [
      'This invitation has expired',
      html`<p>The invitation to join ${org} expired on ${moment(p.expiresAt)}. Ask ${inviterName(p)} or another admin of ${org} to send it again.</p>`,
    ],
    ACCEPTED: [
      'This invitation was already accepted',
      html`<p>The invitation to join ${org} has been accepted; the link works only once. Sign in to Orgraph to use ${org}.</p>`,
    ],
    DECLINED: [
      'This invitation was declined',
      html`<p>The invitation to join ${org} was declined. To join after all, ask ${inviterName(p)} to invite you again.</p>`,
    ],
    REVOKED: ['This invitation was withdrawn', html`<p>${org} withdrew the invitation. Ask ${inviterName(p)} if you think this is a mistake.</p>`],
  };
  const [title, body] = texts[p.status as keyof typeof texts];
  return layout(title, body);
}

async function preview(deps: PagesDeps, req: Request, token: string) {
  return deps.run<{ invitationPreview: Preview | null }>(req, INVITATION_PREVIEW, { token });
}

/** GET: shows the invitation and its forms; never acts (mail scanners open links). */
export async function showInvitation(deps: PagesDeps, req: Request, res: Response): Promise<void> {
  const token = queryToken(req);
  if (token === null) return problemPage(res, 400, 'This link is incomplete', 'Open the link from your invitation email, all of it.');
  const result = await preview(deps, req, token);
  if (result.error) return problemPage(res, statusFor(result.error), 'Something went wrong', result.error.message, retryHeaders(result.error));
  const p = result.data.invitationPreview;
  if (!p || p.status !== 'PENDING') return sendPage(res, 410, goneInvitation(p));
  sendPage(res, 200, invitationForm(p, token));
}

const fieldErrors = (error: OperationError, names: string[]): Record<string, string> =>
  Object.fromEntries(error.fields.filter((f) => names.includes(f.field)).map((f) => [f.field, f.message]));

/** POST: the button pressed acts, through the contract's operations. */
export async function actOnInvitation(deps: PagesDeps, req: Request, res: Response): Promise<void> {
  const token = bodyText(req, 'token');
  if (!token) return problemPage(res, 400, 'This form is incomplete', 'Open the link from your invitation email again.');
  const before = await preview(deps, req, token);
  if (before.error) return problemPage(res, statusFor(before.error), 'Something went wrong', before.error.message, retryHeaders(before.error));
  const p = before.data.invitationPreview;
  if (!p || p.status !== 'PENDING') return sendPage(res, 410, goneInvitation(p));

  // A refusal: GONE shows why the link no longer works; anything else re-renders the forms with the message.
  const refuse = async (intent: Intent, error: OperationError, fields: Record<string, string> = {}, name?: string) => {
    if (error.code === 'GONE') {
      const after = await preview(deps, req, token);
      return sendPage(res, 410, goneInvitation(after.data?.invitationPreview ?? null));
    }
    const problem = error.code === 'BAD_USER_INPUT' && Object.keys(fields).length > 0 ? 'Please correct the fields marked below.' : error.message;
    sendPage(res, statusFor(error), invitationForm(p, token, { intent, problem, fields, name }), retryHeaders(error));
  };
  const accepted = (data: AcceptData, newAccount: boolean) => {
    const org = p.organization.name;
    sendPage(
      res,
      200,
      layout(
        `You joined ${org}`,
        html`${success(html`You are now a member of <strong>${org}</strong> as ${roleName(p.role)}.`)}
          <p>
            ${newAccount ? html`Your account is ready: sign in with <strong>${data.acceptInvitation.user.email}</strong> and the password you chose.` : html`Sign in as <strong>${data.acceptInvitation.user.email}</strong> to start working in ${org}.`}
          </p>
          ${continueLink(deps)}`,
      ),
    );
  };

  const intent = bodyText(req, 'intent');
  if (intent === 'decline') {
    const result = await deps.run(req, DECLINE_INVITATION, { input: { token } });
    if (result.error) return refuse('decline', result.error);
    return sendPage(
      res,
      200,
      layout(
        'Invitation declined',
        html`${success(html`You declined the invitation to join <strong>${p.organization.name}</strong>.`)}
          <p>The link no longer works. If this was a mistake, ask ${inviterName(p)} to invite you again.</p>`,
      ),
    );
  }
  if (intent === 'create') {
    const name = bodyText(req, 'name') ?? '';
    const password = bodyText(req, 'password') ?? '';
    if (password !== (bodyText(req, 'passwordRepeat') ?? '')) {
      return sendPage(
        res,
        400,
        invitationForm(p, token, { intent, problem: 'The two passwords differ.', fields: { passwordRepeat: 'Type the same password twice.' }, name }),
      );
    }
    const result = await deps.run<AcceptData>(req, ACCEPT_INVITATION, { input: { token, name, password } });
    if (result.error) {
      if (result.error.code === 'UNAUTHENTICATED') {
        const problem = html`An account with ${p.email} already exists: sign in with its password below to accept.`;
        return sendPage(res, 401, invitationForm(p, token, { intent: 'signin', problem, name }));
      }
      return refuse('create', result.error, fieldErrors(result.error, ['name', 'password']), name);
    }
    // The page keeps no session: the one the API opened for the new account ends at once (the person signs in where they work).
    await endSession(deps, req, result.data.acceptInvitation.token);
    return accepted(result.data, true);
  }
  if (intent === 'signin') {
    const login = await deps.run<{ login: { token: string } }>(req, LOGIN, { input: { email: p.email, password: bodyText(req, 'password') ?? '' } });
    if (login.error) {
      const wrong = login.error.code === 'UNAUTHENTICATED';
      const problem = wrong
        ? html`That password is not right for ${p.email}, or there is no account with that email yet (then create one above).`
        : login.error.message;
      return sendPage(
        res,
        statusFor(login.error),
        invitationForm(p, token, { intent, problem, fields: wrong ? { password: 'Wrong password.' } : fieldErrors(login.error, ['password']) }),
        retryHeaders(login.error),
      );
    }
    const session = login.data.login.token;
    try {
      const result = await deps.run<AcceptData>(req, ACCEPT_INVITATION, { input: { token } }, session);
      if (result.error) return await refuse('signin', result.error);
      return accepted(result.data, false);
    } finally {
      // Signed in only to accept: that session ends here.
      await endSession(deps, req, session);
    }
  }
  problemPage(res, 400, 'This form is incomplete', 'Open the link from your invitation email again and press one of its buttons.');
}
