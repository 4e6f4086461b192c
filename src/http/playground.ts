import { createHash } from 'node:crypto';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** The browser runs exactly the page's inline scripts: their hashes, not 'unsafe-inline'. */
const inlineScriptHashes = (html: string) =>
  [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);

/**
 * The playground's Content-Security-Policy: nothing from another origin. GraphiQL's editor
 * runs its workers from blob: URLs and styles its elements at run time; it only talks to
 * this origin's /graphql.
 */
const pageSecurityPolicy = (html: string) =>
  helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: inlineScriptHashes(html),
      workerSrc: ['blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });

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

/** The first tab: a query that works as soon as the header carries a token. */
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

/**
 * GraphiQL for browsers that open /graphql; its assets are inlined, so it works with no internet access.
 * The renderer (a bundle of some 60 MB resident) is loaded when the page is first asked for, not at start.
 */
export function playground(): RequestHandler {
  let page: { html: string; policy: RequestHandler } | null = null;
  return async (req, res, next) => {
    if (req.method !== 'GET' || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    if (req.query.query) return next();
    if (!page) {
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      const html = renderGraphiQL({
        endpoint: '/graphql',
        title: 'Orgraph GraphiQL',
        defaultQuery: PLAYGROUND_QUERY,
        headers: JSON.stringify({ Authorization: 'Bearer …' }, null, 2),
        defaultEditorToolsVisibility: 'headers',
        // Subscriptions over WebSocket (graphql-transport-ws), signed in with the headers editor's Authorization.
        subscriptionsProtocol: 'WS',
        shouldPersistHeaders: true,
        ...({ connectionParams: JSON.parse(CONNECTION_PARAMS) as unknown } as object),
      }).replace(CONNECTION_PARAMS, connectionParamsFromHeaders);
      page = { html, policy: pageSecurityPolicy(html) };
    }
    const { html, policy } = page;
    policy(req, res, () => res.type('html').send(html));
  };
}
