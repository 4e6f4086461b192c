import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { ReplicaStatus } from '../db/read-replicas';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { statementCounter } from '../db/statement-counter';
import type { Context, RequestFacts } from '../graphql/context';
import { formatError, reportErrors, unavailableStatus } from '../graphql/errors';
import { corsFor } from './cors';
import { trackConnections, type DrainOutcome } from './drain';
import { LIMITS } from './limits';
import type { Metrics } from './metrics';
import { pages } from './pages';
import { runOperations } from './pages/operations';
import { playground } from './playground';
import { documentLimits, httpRefusals, noSubscriptionsOverHttp, requireJsonBody } from './refusals';
import { requestIds, requestScope } from './request-id';
import { serveSubscriptions } from './websocket';

export interface AppDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Builds each request's context (the composition root's). */
  context: (facts: RequestFacts) => Promise<Context>;
  /** Counts and times GraphQL requests when metrics are on. */
  metrics: Metrics | null;
  /** More Apollo plugins of the composition root (the read routing). */
  plugins?: ApolloServerPlugin<Context>[];
  /** The read replicas, reported by /readyz; null without any. */
  replicas?: { status(): ReplicaStatus[] } | null;
}

/** Outside production, each response says how many SQL statements it took (extensions.sqlStatements). */
const sqlStatementsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const store = statementCounter.getStore();
        if (store && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: store.statements };
        }
      },
    };
  },
};

const countStatements: RequestHandler = (_req, _res, next) => statementCounter.run({ statements: 0 }, next);

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
  httpServer: Server;
  /**
   * Stops taking work and waits for the work under way (drain.ts): /readyz answers 503, HTTP
   * requests already received complete (until `deadline`, epoch ms), subscribers are told the
   * server is going away. Apollo itself is stopped afterwards by the caller.
   */
  drain: (deadline: number) => Promise<DrainOutcome>;
}

/**
 * The Express app on an HTTP server that also serves subscriptions over WebSocket at /graphql
 * (websocket.ts). The process's signals are the composition root's (src/app/lifecycle.ts),
 * not Apollo's: Apollo's handler would re-raise the signal before the drain ends.
 */
export async function createApp({ config, logger, dataSource, schema, context, metrics, plugins: rootPlugins = [], replicas = null }: AppDeps): Promise<App> {
  const app = express();
  const httpServer = createServer(app);
  const subscriptions = serveSubscriptions(httpServer, { schema, context, formatError, logger });
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginLandingPageDisabled(),
    noSubscriptionsOverHttp,
    unavailableStatus,
    reportErrors,
  ];
  const connections = trackConnections(httpServer);
  if (config.nodeEnv !== 'production') plugins.push(sqlStatementsPlugin);
  if (metrics) plugins.push(metrics.plugin());
  plugins.push(...rootPlugins);
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The document limits run before Apollo (documentLimits below); its own token limit stays as a backstop.
    parseOptions: { maxTokens: LIMITS.tokens },
    introspection: config.graphqlIntrospection,
    // "Did you mean ...?" would spell out the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production' || !config.graphqlIntrospection,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError,
    plugins,
  });
  await apollo.start();

  app.disable('x-powered-by');
  // No ETag: GraphQL answers POSTs, which no cache revalidates, and hashing each body cost ~1% of a members page.
  app.set('etag', false);
  // req.ip: the socket's address, or the X-Forwarded-For hop that TRUST_PROXY says to believe.
  app.set('trust proxy', config.trustProxy);
  app.use(requestIds(logger));
  // Security headers on every response; JSON answers load nothing, so their policy allows nothing (the playground sets its own).
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (connections.draining) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await Promise.race([dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      // Replicas are reported, never a reason to refuse: reads fall back to the primary.
      res.json({ status: 'ready', ...(replicas ? { replicas: replicas.status() } : {}) });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  // The pages behind the email links; they act through the same Apollo server as /graphql.
  app.use(pages({ run: runOperations(apollo, context, logger), publicUrl: config.publicUrl, appUrl: config.appUrl, logger }));
  app.use(
    '/graphql',
    corsFor(config.corsOrigins),
    // Counting costs an AsyncLocalStorage scope per request; only non-production responses report it.
    ...(config.nodeEnv !== 'production' ? [countStatements] : []),
    ...(config.graphqlPlayground ? [playground()] : []),
    express.json({ limit: LIMITS.bodyBytes }),
    requireJsonBody,
    documentLimits(schema),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const { requestId, logger: requestLogger } = requestScope(req) ?? { requestId: 'none', logger };
        return context({
          authorization: req.headers.authorization,
          clientAddress: req.ip,
          userAgent: req.headers['user-agent'],
          requestId,
          logger: requestLogger,
        });
      },
    }),
    httpRefusals(logger),
  );
  return {
    app,
    apollo,
    httpServer,
    drain: async (deadline) => {
      const [outcome] = await Promise.all([connections.drain(deadline), subscriptions.dispose()]);
      return outcome;
    },
  };
}
