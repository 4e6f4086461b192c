import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import express, { type Express, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import { currentRequestScope, type Logger } from '../config/logger';
import { statementCounter } from '../db/statement-counter';
import type { Context, RequestFacts } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';
import { corsFor } from './cors';
import { securityValidationRules } from './limits';
import type { Metrics } from './metrics';
import { requestIds } from './request-id';

export interface AppDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Builds each request's context (the composition root's). */
  context: (facts: RequestFacts) => Promise<Context>;
  /** Counts and times GraphQL requests when metrics are on. */
  metrics: Metrics | null;
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

/** The playground's first tab: a query that works as soon as the header carries a token. */
const PLAYGROUND_QUERY = `# Paste a token from register, login or acceptInvitation into the Headers tab below,
# replacing the dots, then run this query.
query MyOrganizations {
  viewer {
    name
    organizations(first: 20) {
      totalCount
      nodes { id moniker name viewerRole viewerPermissions }
    }
  }
}
`;

/** GraphiQL for browsers; its assets are inlined, so it works with no internet access. */
const graphiqlPage = (): RequestHandler => {
  let html: string | null = null;
  return (req, res, next) => {
    if (req.method !== 'GET' || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    if (req.query.query) return next();
    html ??= renderGraphiQL({
      endpoint: '/graphql',
      title: 'Orgraph GraphiQL',
      defaultQuery: PLAYGROUND_QUERY,
      headers: JSON.stringify({ Authorization: 'Bearer …' }, null, 2),
      defaultEditorToolsVisibility: 'headers',
    });
    res.type('html').send(html);
  };
};

export async function createApp({ config, logger, dataSource, schema, context, metrics }: AppDeps): Promise<{ app: Express; apollo: ApolloServer<Context> }> {
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()];
  if (config.nodeEnv !== 'production') plugins.push(sqlStatementsPlugin);
  if (metrics) plugins.push(metrics.plugin());
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: securityValidationRules,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    plugins,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestIds(logger));
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
    corsFor(config.corsOrigins),
    countStatements,
    graphiqlPage(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const { requestId, logger: requestLogger } = currentRequestScope() ?? { requestId: 'none', logger };
        return context({ authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress, requestId, logger: requestLogger });
      },
    }),
  );
  return { app, apollo };
}
