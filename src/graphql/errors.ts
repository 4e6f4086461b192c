import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from '../config/logger';
import { AppError, UnavailableError } from '../common/errors';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/availability';
import type { Context } from './context';
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
 * A failure nobody expected, already logged with its request's id: answered as
 * INTERNAL_SERVER_ERROR carrying that id (the context's failures: Apollo's plugins never see them).
 */
export class ReportedFailure extends Error {
  constructor(readonly requestId: string) {
    super('Internal server error');
  }
}

/**
 * An error met while building a request's context (the session lookup) ends the request before
 * Apollo's plugins run: when the database does not answer, it carries the 503 itself; a refusal
 * (a bad token) passes as it is; anything else is logged here, with the request's id.
 */
export function asContextError(error: unknown, { requestId, logger }: { requestId: string; logger: Logger }): unknown {
  if (isDatabaseUnavailable(error)) {
    const http = unavailableHttp() as unknown as { status: number };
    logger.warn({ err: error }, 'the database does not answer');
    return new GraphQLError('The database does not answer.', { originalError: error as Error, extensions: { code: 'UNAVAILABLE', http } });
  }
  if (error instanceof GraphQLError || error instanceof AppError) return error;
  logger.error({ err: error }, 'unexpected error');
  return new ReportedFailure(requestId);
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

/** The error a resolver threw, with "the database does not answer" recognised whatever the driver called it. */
function originalOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  return !(unwrapped instanceof AppError) && isDatabaseUnavailable(unwrapped) ? new UnavailableError(UNAVAILABLE_RETRY_AFTER_SECONDS) : unwrapped;
}

/**
 * The one place errors become GraphQL errors. Unknown errors are never described: they become
 * INTERNAL_SERVER_ERROR (the request id is added by `reportErrors`, which can see the request).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
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
  // Apollo wraps what the context function threw.
  const failure = original instanceof GraphQLError ? original.originalError : original;
  const requestId = failure instanceof ReportedFailure ? failure.requestId : undefined;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId && { requestId }) },
  };
}

/** Logs an error of a request that was no refusal: an unexpected one, or the database not answering. `thrown`: what formatError is given. */
export function logUnexpected(logger: Logger, error: GraphQLError, thrown: unknown = error): void {
  const original = originalOf(thrown);
  if (original instanceof UnavailableError) logger.warn({ err: unwrapResolverError(thrown), path: error.path }, 'the database does not answer');
  else if (formatError(error.toJSON(), thrown).extensions?.code === 'INTERNAL_SERVER_ERROR')
    logger.error({ err: original, path: error.path }, 'unexpected error');
}

/**
 * Unexpected errors are logged with their request's logger, and each INTERNAL_SERVER_ERROR
 * answers with the request id, which lets a user report the failure and an operator find its
 * log lines. (A plugin, because Apollo's formatError cannot see the request.)
 */
export const reportErrors: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      didEncounterErrors: ({ errors, contextValue }) => {
        for (const error of errors) logUnexpected(contextValue.logger, error);
        return Promise.resolve();
      },
      willSendResponse: ({ response, contextValue }) => {
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          const { requestId } = contextValue;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...error, extensions: { ...error.extensions, requestId } } : error,
          );
        }
        return Promise.resolve();
      },
    }),
};
