import type { DataSource } from 'typeorm';
import { Access } from '../authz/access';
import type { Context, Loaders, RequestFacts, Services, Viewer } from '../graphql/context';
import { asContextError, InvalidTokenError } from '../graphql/errors';
import { createLoaders } from './loaders';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The viewer an Authorization header names; without one, anonymous. Every credential that
 * names no one who may act (unknown, expired, revoked, malformed) refuses the whole request here.
 */
async function authenticate(services: Services, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined) return null;
  const token = authorization.match(BEARER)?.[1];
  const viewer = token ? await services.auth.viewerForToken(token) : null;
  if (!viewer) throw new InvalidTokenError();
  return viewer;
}

/** `loaders` may be shared by contexts built at the same moment (an event's subscribers): no loader depends on the viewer. */
export async function createContext(
  dataSource: DataSource,
  services: Services,
  { authorization, clientAddress, userAgent, requestId, logger }: RequestFacts,
  loaders: Loaders = createLoaders(dataSource.manager),
): Promise<Context> {
  const viewer = await authenticate(services, authorization).catch((error: unknown) => {
    throw asContextError(error);
  });
  if (viewer) loaders.userById.prime(viewer.user.id, viewer.user);
  return {
    viewer,
    loaders,
    access: new Access(viewer?.user.id ?? null, loaders),
    services,
    clientAddress: clientAddress ?? 'unknown',
    userAgent: userAgent ?? null,
    requestId,
    logger,
  };
}
