import type { DataSource } from 'typeorm';
import type { Services } from '../app/services';
import { Access } from '../authz/access';
import type { Viewer } from '../modules/auth/auth.service';
import { createLoaders, type Loaders } from './loaders';
import { UnauthenticatedError } from './errors';

export interface Context {
  viewer: Viewer | null;
  loaders: Loaders;
  access: Access;
  services: Services;
  /** The peer's address (the proxy's, behind one), for rate limits. */
  clientAddress: string;
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

/** After register, login or an account-creating acceptance, the rest of the response is read as the new user. */
export function signIn(ctx: Context, viewer: Viewer): void {
  ctx.viewer = viewer;
  ctx.access = new Access(viewer.user.id, ctx.loaders);
}

const BEARER = /^Bearer\s+(\S+)$/i;

export interface RequestFacts {
  authorization: string | undefined;
  clientAddress: string | undefined;
}

/** `loaders` may be shared by contexts built at the same moment (an event's subscribers): no loader depends on the viewer. */
export async function createContext(dataSource: DataSource, services: Services, { authorization, clientAddress }: RequestFacts, loaders: Loaders = createLoaders(dataSource.manager)): Promise<Context> {
  const token = authorization?.match(BEARER)?.[1];
  const viewer = token ? await services.auth.viewerForToken(token) : null;
  if (viewer) loaders.userById.prime(viewer.user.id, viewer.user);
  return { viewer, loaders, access: new Access(viewer?.user.id ?? null, loaders), services, clientAddress: clientAddress ?? 'unknown' };
}
