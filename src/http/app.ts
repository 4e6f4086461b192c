import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import express, { type Express, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { statementCounter } from '../db/statement-counter';
import type { Context, RequestFacts } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';
import { securityValidationRules } from './limits';

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

const countStatements: RequestHandler = (_req, _res, next) => statementCounter.run({ statements: 0 }, next);

/** GraphiQL for browsers; its assets are inlined, so it works with no internet access. */
const graphiqlPage = (): RequestHandler => {
  let html: string | null = null;
  return (req, res, next) => {
    if (req.method !== 'GET' || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    if (req.query.query) return next();
    html ??= renderGraphiQL({ endpoint: '/graphql', title: 'Orgraph GraphiQL' });
    res.type('html').send(html);
  };
};

export async function createApp({ config, logger, dataSource, schema, context }: AppDeps): Promise<{ app: Express; apollo: ApolloServer<Context> }> {
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()];
  if (config.nodeEnv !== 'production') plugins.push(sqlStatementsPlugin);
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
  // req.ip: the socket's address, or the X-Forwarded-For hop that TRUST_PROXY says to believe.
  app.set('trust proxy', config.trustProxy);
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
    expressMiddleware(apollo, { context: ({ req }) => context({ authorization: req.headers.authorization, clientAddress: req.ip }) }),
  );
  return { app, apollo };
}
