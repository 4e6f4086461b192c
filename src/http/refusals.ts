import { createHash } from 'node:crypto';
import { GraphQLError, OperationTypeNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../config/logger';
import { requestScope } from './request-id';
import { documentRefusal, LIMITS } from './limits';

/**
 * Refusals of the HTTP layer, before or around Apollo: every response of /graphql is a GraphQL
 * JSON error with a code (BAD_REQUEST for these), never Express's HTML page, in every mode.
 */

const graphqlError = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** body-parser's refusals (each carries a 4xx status and a type), in words a client can act on. */
const BODY_REFUSALS: Record<string, string> = {
  'entity.too.large': `The request body is larger than the limit of ${LIMITS.bodyBytes / 1024} KB.`,
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.verify.failed': 'The request body is not valid JSON.',
  'encoding.unsupported': 'The Content-Encoding of the request body is not supported.',
  'charset.unsupported': 'The charset of the request body is not supported: send UTF-8.',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length.',
  'request.aborted': 'The request was aborted.',
};

export function httpRefusals(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(graphqlError(BODY_REFUSALS[(error as { type?: string }).type ?? ''] ?? 'Bad request.', 'BAD_REQUEST'));
      return;
    }
    const scope = requestScope(req);
    (scope?.logger ?? logger).error({ err: error }, 'unexpected error in the HTTP layer');
    const requestId = scope?.requestId;
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId && { requestId }) } }] });
  };
}

/** A POST whose body is not JSON (the only body GraphQL over HTTP takes here): 415. */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is(['application/json', 'application/graphql-response+json'])) return next();
  res.status(415).json(graphqlError('The request body must be JSON (Content-Type: application/json).', 'BAD_REQUEST'));
};

/** GraphQL over HTTP serves queries and mutations; subscriptions need a streaming transport. */
export const noSubscriptionsOverHttp: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          throw new GraphQLError('Subscriptions are not served over plain HTTP requests.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
      },
    };
  },
};

/** How many accepted documents (by SHA-256) skip the check when they come again, as clients repeat theirs. */
const ACCEPTED_DOCUMENTS = 1000;

/** The document limits (limits.ts), checked before Apollo parses and validates: HTTP 400. */
export function documentLimits(schema: GraphQLSchema): RequestHandler {
  const accepted = new Set<string>();
  return (req, res, next) => {
    const source: unknown = req.method === 'POST' ? (req.body as { query?: unknown } | undefined)?.query : req.query.query;
    if (typeof source !== 'string') return next();
    const hash = createHash('sha256').update(source).digest('base64');
    if (accepted.has(hash)) return next();
    const refusal = documentRefusal(schema, source);
    if (refusal) {
      res.status(400).json(graphqlError(refusal.message, refusal.code));
      return;
    }
    // Oldest first out: a Set iterates in insertion order.
    if (accepted.size >= ACCEPTED_DOCUMENTS) accepted.delete(accepted.values().next().value!);
    accepted.add(hash);
    next();
  };
}
