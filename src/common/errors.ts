/**
 * Domain errors: services throw these; src/graphql/errors.ts alone turns them into GraphQL errors.
 */

/** The refusal codes of CONTRACT.md; nothing else reaches a client but INTERNAL_SERVER_ERROR. */
export type ErrorCode = 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT' | 'GONE' | 'RATE_LIMITED' | 'UNAVAILABLE';

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

/** The database does not answer: the same request may be retried after `retryAfterSeconds` (HTTP 503, Retry-After). */
export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
  constructor(readonly retryAfterSeconds: number) {
    super(`The service is briefly unavailable; retry in ${retryAfterSeconds} seconds.`);
  }
  override extensions() {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}
