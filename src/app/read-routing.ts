import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Logger } from '../config/logger';
import type { ReadPositions } from '../db/read-positions';
import type { ReadReplicas, ReadTarget } from '../db/read-replicas';
import type { Context, Loaders } from '../graphql/context';
import { accessOf } from './context';
import { createLoaders } from './loaders';

/**
 * The loaders a read replica may serve: lists and pages, and rows shown in them. Everything
 * else, above all what an authorization or visibility decision reads (memberships, team
 * memberships, effective permissions, the viewer's organizations and visible projects, and the
 * rows the rules start from), stays on the primary. A loader missing here is safe: it reads the primary.
 */
export const REPLICA_LOADERS = [
  'userById',
  'roleById',
  'rolesByOrganization',
  'teamsByOrganization',
  'teamMembershipsOfMember',
  'teamMembersPage',
  'membersPage',
  'memberCount',
  'auditLogPage',
  'invitationsPage',
  'projectGrants',
  'invitationTeams',
  'invitationProjectGrants',
  'webhooksByOrganization',
  'webhookDeliveriesPage',
] as const satisfies ReadonlyArray<keyof Loaders>;

/** The primary's loaders, but for REPLICA_LOADERS, which read `replica`. */
export function replicaLoaders(replica: DataSource, primary: DataSource): Loaders {
  const onReplica = createLoaders(replica.manager);
  const loaders = createLoaders(primary.manager);
  for (const name of REPLICA_LOADERS) Object.assign(loaders, { [name]: onReplica[name] });
  return loaders;
}

export interface ReadRoutingDeps {
  primary: DataSource;
  replicas: ReadReplicas;
  positions: ReadPositions;
  logger: Logger;
}

/**
 * Where a request reads (CONTRACT.md, Scale-out). A query of a signed-in session reads its
 * lists and pages from a replica that is up and has replayed the session's last write
 * (ReadPositions), else from the primary; mutations, anonymous requests and subscriptions read
 * the primary only. After each mutation the session's position moves to the primary's WAL
 * position, before the response leaves: the session's next reads see that mutation.
 */
export function readRouting({ primary, replicas, positions, logger }: ReadRoutingDeps): ApolloServerPlugin<Context> {
  const target = async (ctx: Context): Promise<ReadTarget | null> => {
    const sessionId = ctx.viewer?.sessionId;
    if (!sessionId || !replicas.anyUp()) return null;
    try {
      return replicas.choose(await positions.ofSession(sessionId));
    } catch (error) {
      logger.warn({ err: error }, 'read position unknown: reading the primary');
      return null;
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue: ctx }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return;
          const replica = await target(ctx);
          replicas.countRoute(replica?.name ?? 'primary');
          if (!replica) return;
          ctx.loaders = replicaLoaders(replica.dataSource, primary);
          if (ctx.viewer) ctx.loaders.userById.prime(ctx.viewer.user.id, ctx.viewer.user);
          ctx.access = accessOf(ctx.viewer, ctx.loaders);
        },
        async willSendResponse({ operation, contextValue: ctx }) {
          const sessionId = ctx.viewer?.sessionId;
          if (operation?.operation !== OperationTypeNode.MUTATION || !sessionId) return;
          await positions.recordWrite(sessionId).catch((error: unknown) => {
            ctx.logger.error({ err: error }, 'read position not recorded: this session may read data older than its mutation');
          });
        },
      };
    },
  };
}
