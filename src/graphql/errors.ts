import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { currentRequestScope, loggerFor, type Logger } from '../config/logger';
import { AppError, UnavailableError } from '../common/errors';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/availability';
import { validationFields } from './validators';

/**
 * An Authorization header that names no live session (unknown, expired, revoked, malformed):
 * the whole request is refused with HTTP 401 before anything runs; no header is anonymous.
 */
export class InvalidTokenError extends GraphQLError {
  constructor() {
    // Apollo reads `http` as a status and a HeaderMap (graphql-yoga's typings, pulled in by GraphiQL, say a plain record).
    const http = { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) } as unknown as { status: number };
    super('The bearer token is invalid, expired or revoked: sign in again, or send no Authorization header.', {
      extensions: { code: 'UNAUTHENTICATED', http },
    });
  }
}

/** The one HTTP answer to UNAVAILABLE (CONTRACT.md, Errors): 503 with Retry-After. */
const unavailableHttp = () => ({ status: 503, headers: new HeaderMap([['retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)]]) });

/**
 * An error met while building a request's context (the session lookup) ends the request before
 * Apollo's plugins run: when the database does not answer, it carries the 503 itself.
 */
export function asContextError(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  const http = unavailableHttp() as unknown as { status: number };
  return new GraphQLError('The database does not answer.', { originalError: error as Error, extensions: { code: 'UNAVAILABLE', http } });
}

/** Any error of a request that meant "the database does not answer" makes its response a 503 with Retry-After. */
export const unavailableStatus: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didEncounterErrors: ({ errors, response }) => {
        if (errors.some((error) => isDatabaseUnavailable(error))) {
          const { status, headers } = unavailableHttp();
          response.http.status = status;
          for (const [name, value] of headers) response.http.headers.set(name, value);
        }
        return Promise.resolve();
      },
    }),
};

/** Apollo's own refusals of a request (e.g. a persisted query whose hash does not match) carry a 4xx status but no code. */
const isBadRequest = (error: unknown) => {
  const status = error instanceof GraphQLError ? error.extensions.http?.status : undefined;
  return !(error instanceof GraphQLError && error.path) && status !== undefined && status >= 400 && status < 500;
};

/** Codes that graphql-js and Apollo attach to request-level errors; they are safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The one place errors become GraphQL errors. Unknown errors are logged and never described. */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const original = !(unwrapped instanceof AppError) && isDatabaseUnavailable(unwrapped) ? new UnavailableError(UNAVAILABLE_RETRY_AFTER_SECONDS) : unwrapped;
    if (original instanceof UnavailableError) loggerFor(logger).warn({ err: unwrapped, path: formatted.path }, 'the database does not answer');
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions() } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = validationFields(original.extensions.validationErrors);
      return { ...base, message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    if (original instanceof InvalidTokenError) return { message: original.message, extensions: { code: 'UNAUTHENTICATED' } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
      return { ...base, extensions: { code } };
    }
    if (code === 'INTERNAL_SERVER_ERROR' && isBadRequest(original)) return { ...base, extensions: { code: 'BAD_REQUEST' } };
    loggerFor(logger).error({ err: original, path: formatted.path }, 'unexpected error');
    // The request id lets a user report the failure and an operator find its log lines.
    const requestId = currentRequestScope()?.requestId;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId && { requestId }) },
    };
  };
}
