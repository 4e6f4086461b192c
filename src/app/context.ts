import type { DataSource } from 'typeorm';
import { Access } from '../authz/access';
import type { Context, RequestFacts, Services } from '../graphql/context';
import { createLoaders } from './loaders';

const BEARER = /^Bearer\s+(\S+)$/i;

export async function createContext(dataSource: DataSource, services: Services, { authorization, clientAddress }: RequestFacts): Promise<Context> {
  const token = authorization?.match(BEARER)?.[1];
  const viewer = token ? await services.auth.viewerForToken(token) : null;
  const loaders = createLoaders(dataSource.manager);
  if (viewer) loaders.userById.prime(viewer.user.id, viewer.user);
  return { viewer, loaders, access: new Access(viewer?.user.id ?? null, loaders), services, clientAddress: clientAddress ?? 'unknown' };
}
