import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { AppError } from '../common/errors';
import type { Logger } from '../config/logger';
import type { Context, RequestFacts, SubscriberConnection } from '../graphql/context';
import { InvalidTokenError, logUnexpected } from '../graphql/errors';
import { documentRefusal, LIMITS } from './limits';

// A subpath export, which this project's TypeScript module resolution cannot see; Node resolves it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof import('graphql-ws/dist/use/ws');

/** Close codes of graphql-transport-ws (4401) and of WebSocket itself (1013: try again later). */
const UNAUTHORIZED = 4401;
const TRY_AGAIN_LATER = 1013;
/** At most this many operations at once on one connection: each holds a buffer of events. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
const MAX_MESSAGE_BYTES = 100 * 1024;

export interface SubscriptionServerDeps {
  schema: GraphQLSchema;
  /** Builds a context from what the client said, as for an HTTP request (the composition root's). */
  context: (facts: RequestFacts) => Promise<Context>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

const requestError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * GraphQL over WebSocket (graphql-transport-ws, the `graphql-ws` library) on the HTTP server's
 * /graphql, as Apollo Server documents it: the same schema, validation limits, context and
 * error formatting as HTTP. `connectionParams.authorization` carries "Bearer <token>"; a
 * missing or bad one closes the socket with 4401 at connection_init.
 */
export function serveSubscriptions(httpServer: Server, { schema, context, formatError, logger }: SubscriptionServerDeps): { dispose(): Promise<void> } {
  // Upgrades are handed over here rather than by `server:`, with which ws re-emits the HTTP server's errors (a port in use) as its own.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });
  // One request id per connection (its upgrade request's x-request-id when sane would be nicer; a new one suffices).
  const requestIds = new WeakMap<object, string>();
  const facts = (ctx: { connectionParams?: Record<string, unknown>; extra: { request: { socket: { remoteAddress?: string } } } }): RequestFacts => {
    const authorization = ctx.connectionParams?.authorization;
    const requestId = requestIds.get(ctx.extra.request) ?? randomUUID();
    requestIds.set(ctx.extra.request, requestId);
    return {
      authorization: typeof authorization === 'string' ? authorization : undefined,
      clientAddress: ctx.extra.request.socket.remoteAddress,
      requestId,
      logger: logger.child({ requestId }),
    };
  };
  // An error thrown by an event stream reaches graphql-ws wrapped without a path; its code is the original's.
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => {
      const thrown = error.originalError instanceof AppError ? error.originalError : error;
      logUnexpected(logger, error, thrown);
      return formatError(error.toJSON(), thrown);
    });

  const server = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const viewer = await context(facts(ctx)).then(
          (built) => built.viewer,
          (error: unknown) => {
            if (error instanceof InvalidTokenError) return null;
            throw error;
          },
        );
        if (viewer) return true;
        ctx.extra.socket.close(UNAUTHORIZED, 'Unauthorized');
        return false;
      },
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [requestError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} operations at once on one connection.`, 'BAD_REQUEST')];
        }
        // The same document limits as over HTTP, before graphql-js validates.
        const refusal = documentRefusal(schema, payload.query);
        if (refusal) return [requestError(refusal.message, refusal.code)];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.tokens });
        } catch (error) {
          return [requestError((error as Error).message, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, specifiedRules);
        if (invalid.length > 0) return invalid.map((error) => requestError(error.message, 'GRAPHQL_VALIDATION_FAILED'));
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: async (ctx) => {
        const connection: SubscriberConnection = { facts: facts(ctx), drop: (reason) => ctx.extra.socket.close(TRY_AGAIN_LATER, reason) };
        try {
          return { ...(await context(connection.facts)), connection };
        } catch (error) {
          // The session ended since connection_init.
          if (error instanceof InvalidTokenError) ctx.extra.socket.close(UNAUTHORIZED, 'Unauthorized');
          throw error;
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : result),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );
  return {
    async dispose() {
      await server.dispose();
    },
  };
}
