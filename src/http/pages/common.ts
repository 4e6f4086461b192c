import type { Request, Response } from 'express';
import type { Logger } from '../../config/logger';
import { requestScope } from '../request-id';
import { html, type HtmlPart, type SafeHtml } from './html';
import { layout, sendPage } from './layout';
import type { RunOperation } from './operations';

/** What the pages need: a way to run the contract's operations, and where people go next. */
export interface PagesDeps {
  run: RunOperation;
  /** PUBLIC_URL: the origin the email links (and so these pages' forms) live on. */
  publicUrl: string;
  /** APP_URL: where people continue after a page acted; null: the pages link nowhere. */
  appUrl: string | null;
  logger: Logger;
}

/** The contract's password rule (Input rules), for the forms' hints and the browser's own checks. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const LOGOUT = `mutation Logout($input: LogoutInput) {
  logout(input: $input) { loggedOut }
}`;

/** The longest token a link may carry (ours are 43 characters of base64url); longer is no token of ours. */
const TOKEN_MAX = 512;

const plain = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 && value.length <= TOKEN_MAX ? value : null);

/** The link's `token` query parameter, or null when it is missing (or repeated, or absurdly long). */
export const queryToken = (req: Request): string | null => plain(req.query.token);

/** One text field of a posted form; null when missing or not a single value. */
export function bodyText(req: Request, name: string): string | null {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : null;
}

/** A page that says what went wrong and nothing more. */
export function problemPage(res: Response, status: number, title: string, message: HtmlPart, headers: Record<string, string> = {}): void {
  sendPage(res, status, layout(title, html`<div class="alert" role="alert"><p>${message}</p></div>`), headers);
}

/** "Continue" to the app when APP_URL is set. */
export const continueLink = (deps: PagesDeps): SafeHtml | '' => (deps.appUrl ? html`<p><a href="${deps.appUrl}">Continue to Orgraph</a></p>` : '');

/**
 * Ends a session a page opened only to act (the pages keep none: no cookies). A failure is
 * logged; the session then simply expires.
 */
export async function endSession(deps: PagesDeps, req: Request, token: string | null): Promise<void> {
  if (!token) return;
  const result = await deps.run(req, LOGOUT, {}, token).catch((error: unknown) => ({ error }));
  if (result.error) (requestScope(req)?.logger ?? deps.logger).warn({ err: result.error }, 'a page could not end the session it opened');
}
