import type { DataSource } from 'typeorm';
import { Access } from '../authz/access';
import type { Context, Loaders, RequestFacts, Services } from '../graphql/context';
import { createLoaders } from './loaders';

const BEARER = /^Bearer\s+(\S+)$/i;

/** `loaders` may be shared by contexts built at the same moment (an event's subscribers): no loader depends on the viewer. */
export async function createContext(dataSource: DataSource, services: Services, { authorization, clientAddress }: RequestFacts, loaders: Loaders = createLoaders(dataSource.manager)): Promise<Context> {
  const token = authorization?.match(BEARER)?.[1];
  const viewer = token ? await services.auth.viewerForToken(token) : null;
  if (viewer) loaders.userById.prime(viewer.user.id, viewer.user);
  return { viewer, loaders, access: new Access(viewer?.user.id ?? null, loaders), services, clientAddress: clientAddress ?? 'unknown' };
}
