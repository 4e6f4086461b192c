import type { Logger } from '../config/logger';
import { Access } from '../authz/access';
import { UnauthenticatedError } from '../common/errors';

/*
 * The request context is open: each module adds its own part by declaration merging in its
 * `<name>.module.ts` (its loaders to Loaders, its service to Services, and auth the signed-in
 * user to Viewer), and the composition root (src/app) builds the whole. So this toolkit knows
 * no module, and a module needs no registry edited elsewhere.
 */

/** Every module's per-request DataLoaders, made anew for each request. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules (declaration merging)
export interface Loaders {}

/** Every module's service, built once per process. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules (declaration merging)
export interface Services {}

/** The signed-in user of a request (the auth module says what it holds). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the auth module (declaration merging)
export interface Viewer {}

export interface Context {
  viewer: Viewer | null;
  loaders: Loaders;
  access: Access;
  services: Services;
  /** The client's address, for attempt budgets: the socket's, or the one TRUST_PROXY says to believe. */
  clientAddress: string;
  /** The request's User-Agent header (kept with the sessions it opens); null without one. */
  userAgent: string | null;
  /** This request's id (the `x-request-id` response header). */
  requestId: string;
  /** Logs with `requestId` on every line. */
  logger: Logger;
  /** Over WebSocket only: the subscriber's connection (see src/modules/events). */
  connection?: SubscriberConnection;
}

/** What a subscription needs of its connection: the facts to rebuild its context at each event, and a way to drop it. */
export interface SubscriberConnection {
  facts: RequestFacts;
  drop(reason: string): void;
}

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

/** What a request says about its caller, read by the HTTP layer. */
export interface RequestFacts {
  authorization: string | undefined;
  clientAddress: string | undefined;
  userAgent?: string | undefined;
  requestId: string;
  logger: Logger;
}
