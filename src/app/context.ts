import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { Access } from '../authz/access';
import type { Context, Loaders, RequestFacts, Services, Viewer } from '../graphql/context';
import { asContextError, InvalidTokenError } from '../graphql/errors';
import { createLoaders } from './loaders';
import { ACCESS_TOKEN_PREFIX } from '../modules/access-tokens/access-token.api';
import { Membership } from '../modules/members/membership.entity';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The viewer an Authorization header names; without one, anonymous. Every credential that
 * names no one who may act (unknown, expired, revoked, malformed) refuses the whole request here.
 * A personal access token (its prefix says so) is looked up by its module, a session by auth:
 * either way one statement, on the primary, which also reads the viewer's memberships.
 */
async function authenticate(services: Services, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined) return null;
  const token = authorization.match(BEARER)?.[1];
  const lookup = token?.startsWith(ACCESS_TOKEN_PREFIX) ? services.accessTokens : services.auth;
  const viewer = token ? await lookup.viewerForToken(token) : null;
  if (!viewer) throw new InvalidTokenError();
  return viewer;
}

/** The request's Access: the viewer's, narrowed to their access token's scope if they came with one. */
export const accessOf = (viewer: Viewer | null, loaders: Loaders): Access => new Access(viewer?.user.id ?? null, loaders, viewer?.scope ?? null);

/** `loaders` may be shared by contexts built at the same moment (an event's subscribers): no loader depends on the viewer. */
export async function createContext(
  dataSource: DataSource,
  services: Services,
  { authorization, clientAddress, userAgent, requestId, logger }: RequestFacts,
  loaders: Loaders = createLoaders(dataSource.manager),
): Promise<Context> {
  const viewer = await authenticate(services, authorization).catch((error: unknown) => {
    throw asContextError(error, { requestId, logger });
  });
  if (viewer) {
    loaders.userById.prime(viewer.user.id, viewer.user);
    // Every organization check of the request, and the viewer's organization list, read these.
    if (viewer.memberships) {
      loaders.membershipsByUser.prime(
        viewer.user.id,
        viewer.memberships.map((membership) => Object.assign(new Membership(), membership)),
      );
    }
  }
  return {
    viewer,
    loaders,
    access: accessOf(viewer, loaders),
    services,
    clientAddress: clientAddress ?? 'unknown',
    userAgent: userAgent ?? null,
    requestId,
    logger,
  };
}

/**
 * A mutation may change the viewer's memberships before its payload is read (createOrganization,
 * acceptInvitation, leaveOrganization…): it reads them anew when first asked, not as its
 * credential's lookup found them.
 */
export const mutationsReadMembershipsAnew: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation, contextValue }) => {
        if (operation?.operation === OperationTypeNode.MUTATION && contextValue.viewer)
          contextValue.loaders.membershipsByUser.clear(contextValue.viewer.user.id);
        return Promise.resolve();
      },
    }),
};
