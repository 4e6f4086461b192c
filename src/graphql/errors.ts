import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { currentRequestScope, loggerFor, type Logger } from '../config/logger';

/** The refusal codes of CONTRACT.md; nothing else reaches a client but INTERNAL_SERVER_ERROR. */
export type ErrorCode = 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT' | 'GONE' | 'RATE_LIMITED';

export interface FieldError {
  field: string;
  message: string;
}

/** Base of every domain error; modules subclass these with their own messages. */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in to do this.') {
    super(message);
  }
}

/** Also the answer for anything in another organization, with the same message: existence does not leak. */
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('Not found.');
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You do not have permission to do this.') {
    super(message);
  }
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
  static field(field: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }
  override extensions() {
    return { fields: this.fields };
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

export class GoneError extends AppError {
  readonly code = 'GONE';
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; retry in ${retryAfterSeconds} seconds.`);
  }
  override extensions() {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

function validationFields(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message }));
    return [...own, ...validationFields(e.children ?? [], prefix)];
  });
}

/** Codes that graphql-js and Apollo attach to request-level errors; they are safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
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
      const fields = validationFields(original.extensions.validationErrors as ValidationError[]);
      return { ...base, message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
      return { ...base, extensions: { code } };
    }
    loggerFor(logger).error({ err: original, path: formatted.path }, 'unexpected error');
    // The request id lets a user report the failure and an operator find its log lines.
    const requestId = currentRequestScope()?.requestId;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId && { requestId }) } };
  };
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
/** What PostgreSQL 17 (and so the embedded PGlite) reports for an ON DELETE RESTRICT reference; 15 says 23503. */
const PG_RESTRICT_VIOLATION = '23001';

function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string };
  return e?.driverError ?? e ?? {};
}

/** True when `error` is a unique violation, of `constraint` when one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === PG_UNIQUE_VIOLATION && (!constraint || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  const { code } = pgError(error);
  return code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION;
}
