import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import express, { type Express, type RequestHandler } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { statementCounter } from '../db/statement-counter';
import type { Context, RequestFacts } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';
import { securityValidationRules } from './limits';
import { serveSubscriptions } from './websocket';

export interface AppDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Builds each request's context (the composition root's). */
  context: (facts: RequestFacts) => Promise<Context>;
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

/** Subscriptions run over WebSocket only; over HTTP they are a request error, like any other refusal of the HTTP layer. */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('Subscriptions are served over WebSocket at /graphql (graphql-transport-ws).', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
      },
    };
  },
};

const countStatements: RequestHandler = (_req, _res, next) => statementCounter.run({ statements: 0 }, next);

/**
 * GraphiQL's WebSocket client takes its connectionParams from a function, which the page's JSON
 * options cannot carry: this placeholder in them is replaced by one that reads the Authorization
 * header from the headers editor (GraphiQL keeps it in localStorage, as shouldPersistHeaders asks).
 */
const CONNECTION_PARAMS = '"orgraph:connection-params"';
const connectionParamsFromHeaders = `function () {
  try {
    var headers = JSON.parse(window.localStorage.getItem('graphiql:headers') || '{}');
    var authorization = headers.Authorization || headers.authorization;
    return authorization ? { authorization: authorization } : {};
  } catch (error) {
    return {};
  }
}`;

/** GraphiQL for browsers; its assets are inlined, so it works with no internet access. Subscriptions go over WebSocket. */
const graphiqlPage = (): RequestHandler => {
  let html: string | null = null;
  return (req, res, next) => {
    if (req.method !== 'GET' || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    if (req.query.query) return next();
    html ??= renderGraphiQL({
      endpoint: '/graphql',
      title: 'Orgraph GraphiQL',
      subscriptionsProtocol: 'WS',
      shouldPersistHeaders: true,
      ...({ connectionParams: JSON.parse(CONNECTION_PARAMS) } as object),
    }).replace(CONNECTION_PARAMS, connectionParamsFromHeaders);
    res.type('html').send(html);
  };
};

/**
 * The Express app on an HTTP server that also serves subscriptions over WebSocket at /graphql.
 * Stopping Apollo drains both (Apollo's documented setup): HTTP requests complete, then the
 * WebSocket server closes its connections.
 */
export async function createApp({ config, logger, dataSource, schema, context }: AppDeps): Promise<{ app: Express; apollo: ApolloServer<Context>; httpServer: Server }> {
  const app = express();
  const httpServer = createServer(app);
  const formatError = createErrorFormatter(logger);
  const subscriptions = serveSubscriptions(httpServer, { schema, context, formatError });
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginLandingPageDisabled(),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    { serverWillStart: async () => ({ drainServer: () => subscriptions.dispose() }) },
    subscriptionsOverWebSocketOnly,
  ];
  if (config.nodeEnv !== 'production') plugins.push(sqlStatementsPlugin);
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: securityValidationRules,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins,
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await Promise.race([dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.use(
    '/graphql',
    countStatements,
    graphiqlPage(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: ({ req }) => context({ authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress }) }),
  );
  return { app, apollo, httpServer };
}
