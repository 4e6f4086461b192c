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
  /** The client's address, for attempt budgets: the socket's, or the one TRUST_PROXY says to believe. */
  clientAddress: string;
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

export async function createContext(dataSource: DataSource, services: Services, { authorization, clientAddress }: RequestFacts): Promise<Context> {
  const token = authorization?.match(BEARER)?.[1];
  const viewer = token ? await services.auth.viewerForToken(token) : null;
  const loaders = createLoaders(dataSource.manager);
  if (viewer) loaders.userById.prime(viewer.user.id, viewer.user);
  return { viewer, loaders, access: new Access(viewer?.user.id ?? null, loaders), services, clientAddress: clientAddress ?? 'unknown' };
}
