import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, Router } from 'express';
import { requestScope } from '../request-id';
import {
  actOnButtonLink,
  actOnResetPassword,
  CONFIRM_EMAIL_PATH,
  confirmEmailLink,
  RESET_PASSWORD_PATH,
  showButtonLink,
  showResetPassword,
  VERIFY_EMAIL_PATH,
  verifyEmailLink,
} from './accounts';
import { problemPage, type PagesDeps } from './common';
import { actOnInvitation, INVITATION_PATH, showInvitation } from './invitation';
import { STYLESHEET, STYLESHEET_PATH } from './layout';

export type { PagesDeps } from './common';

/** Every page a mail links to. */
export const PAGE_PATHS = [INVITATION_PATH, VERIFY_EMAIL_PATH, RESET_PASSWORD_PATH, CONFIRM_EMAIL_PATH];

/**
 * Refuses a POST another site made the browser send (CSRF). Sec-Fetch-Site decides where the
 * browser sends it; an Origin naming another origin is refused too. `Origin: null` proves
 * nothing either way: with the pages' `Referrer-Policy: no-referrer`, browsers send exactly
 * that on our own forms. A request without either header (not a browser's) passes: it can
 * only act with a token its sender already holds.
 */
export function crossSite(req: Request, publicUrl: string): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.get('origin');
  if (origin === undefined || origin === 'null') return false;
  return origin !== new URL(publicUrl).origin && origin !== `${req.protocol}://${req.get('host')}`;
}

/** Catches a page's failure (it answers 500 with a page, never Express's HTML). */
const page =
  (deps: PagesDeps, handler: (deps: PagesDeps, req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res) => {
    handler(deps, req, res).catch((error: unknown) => {
      (requestScope(req)?.logger ?? deps.logger).error({ err: error }, 'a page failed');
      if (!res.headersSent) problemPage(res, 500, 'Something went wrong', 'Something went wrong on our side. Try again in a moment.');
    });
  };

/**
 * The pages behind the email links (CONTRACT.md, Links and pages): server-rendered HTML with
 * no script, one stylesheet of our own, plain forms. A GET only shows; a POST (a button
 * pressed) acts through the contract's GraphQL operations run in this process.
 */
export function pages(deps: PagesDeps): Router {
  const router = Router();
  router.get(STYLESHEET_PATH, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('css').send(STYLESHEET);
  });
  router.post(PAGE_PATHS, (req, res, next) => {
    if (!crossSite(req, deps.publicUrl)) return next();
    problemPage(res, 403, 'Nothing was done', 'This form was sent from another site. Open the link from your email and press the button there.');
  });
  // Small forms: a token, a name, two passwords.
  router.use(PAGE_PATHS, express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }));
  router.get(INVITATION_PATH, page(deps, showInvitation));
  router.post(INVITATION_PATH, page(deps, actOnInvitation));
  router.get(VERIFY_EMAIL_PATH, page(deps, showButtonLink(verifyEmailLink)));
  router.post(VERIFY_EMAIL_PATH, page(deps, actOnButtonLink(verifyEmailLink)));
  router.get(RESET_PASSWORD_PATH, page(deps, showResetPassword));
  router.post(RESET_PASSWORD_PATH, page(deps, actOnResetPassword));
  router.get(CONFIRM_EMAIL_PATH, page(deps, showButtonLink(confirmEmailLink)));
  router.post(CONFIRM_EMAIL_PATH, page(deps, actOnButtonLink(confirmEmailLink)));
  const refusals: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problemPage(res, status, 'This form could not be read', 'Open the link from your email again and send the form from there.');
    }
    (requestScope(req)?.logger ?? deps.logger).error({ err: error }, 'a page failed');
    problemPage(res, 500, 'Something went wrong', 'Something went wrong on our side. Try again in a moment.');
  };
  router.use(PAGE_PATHS, refusals);
  return router;
}
