import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { currentRequestScope, loggerFor, type Logger } from '../config/logger';
import { AppError } from '../common/errors';
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
    const original = unwrapResolverError(error);
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
