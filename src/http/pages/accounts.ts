import type { Request, Response } from 'express';
import { html, type SafeHtml } from './html';
import { alert, field, hidden, layout, sendPage, success } from './layout';
import { retryHeaders, statusFor, type OperationError } from './operations';
import { bodyText, continueLink, endSession, PASSWORD_MAX, PASSWORD_MIN, problemPage, queryToken, type PagesDeps } from './common';

export const VERIFY_EMAIL_PATH = '/verify-email';
export const RESET_PASSWORD_PATH = '/reset-password';
export const CONFIRM_EMAIL_PATH = '/confirm-email';

/* The contract's operations (shared/api/operations/accounts.graphql), as an SPA would send them. */
export const VERIFY_EMAIL = `mutation VerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) { email kind }
}`;

export const RESET_PASSWORD = `mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    token
    user { id email emailVerified }
  }
}`;

export const CONFIRM_EMAIL_CHANGE = `mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
  confirmEmailChange(input: $input) { email }
}`;

/**
 * A link with one button (verify an address, confirm a new one): the GET explains and shows
 * the button; the POST acts. Nothing previews these tokens, so a dead one shows only when the
 * button is pressed (410).
 */
interface ButtonLink<T> {
  path: string;
  title: string;
  explanation: SafeHtml;
  button: string;
  operation: string;
  done(data: T, deps: PagesDeps): SafeHtml;
  gone: { title: string; body: SafeHtml };
}

const incomplete = (res: Response) => problemPage(res, 400, 'This link is incomplete', 'Open the link from your email again, all of it.');

function buttonForm<T>(link: ButtonLink<T>, token: string, problem?: string): SafeHtml {
  return layout(
    link.title,
    html`${problem ? alert(problem) : ''}${link.explanation}
      <form method="post" action="${link.path}">
        ${hidden('token', token)}
        <button type="submit">${link.button}</button>
      </form>`,
  );
}

export function showButtonLink<T>(link: ButtonLink<T>) {
  return (_deps: PagesDeps, req: Request, res: Response): Promise<void> => {
    const token = queryToken(req);
    if (token === null) incomplete(res);
    else sendPage(res, 200, buttonForm(link, token));
    return Promise.resolve();
  };
}

export function actOnButtonLink<T>(link: ButtonLink<T>) {
  return async (deps: PagesDeps, req: Request, res: Response): Promise<void> => {
    const token = bodyText(req, 'token');
    if (!token) return incomplete(res);
    const result = await deps.run<T>(req, link.operation, { input: { token } });
    if (result.error) {
      if (result.error.code === 'GONE') return sendPage(res, 410, layout(link.gone.title, link.gone.body));
      return sendPage(res, statusFor(result.error), buttonForm(link, token, result.error.message), retryHeaders(result.error));
    }
    sendPage(res, 200, link.done(result.data, deps));
  };
}

export const verifyEmailLink: ButtonLink<{ verifyEmail: { email: string; kind: 'ACCOUNT' | 'NOTIFICATION_MAILBOX' } }> = {
  path: VERIFY_EMAIL_PATH,
  title: 'Verify your email address',
  explanation: html`<p>Press the button to confirm that this email address is yours (or your organization's notification mailbox).</p>`,
  button: 'Verify',
  operation: VERIFY_EMAIL,
  done: ({ verifyEmail: { email, kind } }, deps) =>
    kind === 'NOTIFICATION_MAILBOX'
      ? layout(
          'Notification mailbox confirmed',
          html`${success(html`<strong>${email}</strong> is confirmed.`)}
            <p>It now receives the organization's notifications.</p>`,
        )
      : layout('Your email address is verified', html`${success(html`<strong>${email}</strong> is verified.`)} ${continueLink(deps)}`),
  gone: {
    title: 'This verification link no longer works',
    body: html`<p>It was used already, it expired (links last 24 hours), or a newer link was sent since (then only the newest works).</p>
      <p>Sign in and ask for a new verification email.</p>`,
  },
};

export const confirmEmailLink: ButtonLink<{ confirmEmailChange: { email: string } }> = {
  path: CONFIRM_EMAIL_PATH,
  title: 'Confirm your new email address',
  explanation: html`<p>Press the button to make this address the one you sign in with. Until you do, your account keeps its current address.</p>`,
  button: 'Confirm',
  operation: CONFIRM_EMAIL_CHANGE,
  done: ({ confirmEmailChange: { email } }, deps) =>
    layout('Your email address is changed', html`${success(html`You now sign in with <strong>${email}</strong>.`)} ${continueLink(deps)}`),
  gone: {
    title: 'This confirmation link no longer works',
    body: html`<p>It was used already, it expired (links last 24 hours), or a newer change was asked for since.</p>
      <p>Sign in and change your email address again to get a new link.</p>`,
  },
};

interface ResetState {
  problem?: string;
  fields?: Record<string, string>;
}

function resetForm(token: string, state: ResetState = {}): SafeHtml {
  const fields = state.fields ?? {};
  return layout(
    'Choose a new password',
    html`${state.problem ? alert(state.problem) : ''}
      <p>Setting a new password signs you out everywhere; then sign in with the new one.</p>
      <form method="post" action="${RESET_PASSWORD_PATH}">
        ${hidden('token', token)}
        ${field({ id: 'reset-password', label: 'New password', name: 'password', type: 'password', autocomplete: 'new-password', error: fields.password, hint: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`, required: true, minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX })}
        ${field({ id: 'reset-password-repeat', label: 'Repeat the new password', name: 'passwordRepeat', type: 'password', autocomplete: 'new-password', error: fields.passwordRepeat, required: true, maxlength: PASSWORD_MAX })}
        <button type="submit">Set the new password</button>
      </form>`,
  );
}

const RESET_GONE = layout(
  'This password reset link no longer works',
  html`<p>It was used already, it expired (links last 1 hour), or a newer reset was asked for since (then only the newest link works).</p>
    <p>Ask for a new password reset email.</p>`,
);

export function showResetPassword(_deps: PagesDeps, req: Request, res: Response): Promise<void> {
  const token = queryToken(req);
  if (token === null) incomplete(res);
  else sendPage(res, 200, resetForm(token));
  return Promise.resolve();
}

const fieldErrors = (error: OperationError, names: string[]): Record<string, string> =>
  Object.fromEntries(error.fields.filter((f) => names.includes(f.field)).map((f) => [f.field, f.message]));

export async function actOnResetPassword(deps: PagesDeps, req: Request, res: Response): Promise<void> {
  const token = bodyText(req, 'token');
  if (!token) return incomplete(res);
  const password = bodyText(req, 'password') ?? '';
  if (password !== (bodyText(req, 'passwordRepeat') ?? '')) {
    return sendPage(res, 400, resetForm(token, { problem: 'The two passwords differ.', fields: { passwordRepeat: 'Type the same password twice.' } }));
  }
  const result = await deps.run<{ resetPassword: { token: string; user: { email: string } } }>(req, RESET_PASSWORD, { input: { token, password } });
  if (result.error) {
    if (result.error.code === 'GONE') return sendPage(res, 410, RESET_GONE);
    const fields = fieldErrors(result.error, ['password']);
    const problem = Object.keys(fields).length > 0 ? 'Please correct the fields marked below.' : result.error.message;
    return sendPage(res, statusFor(result.error), resetForm(token, { problem, fields }), retryHeaders(result.error));
  }
  // The page keeps no session: the one the reset opened ends at once.
  await endSession(deps, req, result.data.resetPassword.token);
  sendPage(
    res,
    200,
    layout(
      'Your password is changed',
      html`${success(html`The password of <strong>${result.data.resetPassword.user.email}</strong> is changed.`)}
        <p>Every session of the account has ended: sign in again with the new password.</p>
        ${continueLink(deps)}`,
    ),
  );
}
