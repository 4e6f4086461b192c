import type { ApolloServer } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../config/logger';
import { requestScope } from '../request-id';
import type { Context, RequestFacts } from '../../graphql/context';

/** A refusal as the API answered it (CONTRACT.md, Errors). */
export interface OperationError {
  code: string;
  message: string;
  /** For BAD_USER_INPUT: the input fields at fault. */
  fields: Array<{ field: string; message: string }>;
  retryAfterSeconds: number | null;
}

export type OperationResult<T> = { data: T; error: null } | { data: null; error: OperationError };

/**
 * Runs one of the contract's operations in this process, through the same Apollo server,
 * schema, shield, validation, attempt budgets and error formatter as `POST /graphql`, with the
 * page request's client address; `bearer` signs it in as that session.
 */
export type RunOperation = <T>(req: Request, query: string, variables: Record<string, unknown>, bearer?: string) => Promise<OperationResult<T>>;

const internal = (message = 'Internal server error'): OperationError => ({ code: 'INTERNAL_SERVER_ERROR', message, fields: [], retryAfterSeconds: null });

function asOperationError(error: { message: string; extensions?: Record<string, unknown> }): OperationError {
  const { code, fields, retryAfterSeconds } = error.extensions ?? {};
  return {
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    message: error.message,
    fields: Array.isArray(fields) ? (fields as OperationError['fields']) : [],
    retryAfterSeconds: typeof retryAfterSeconds === 'number' ? retryAfterSeconds : null,
  };
}

export function runOperations(apollo: ApolloServer<Context>, context: (facts: RequestFacts) => Promise<Context>, logger: Logger): RunOperation {
  return async <T>(req: Request, query: string, variables: Record<string, unknown>, bearer?: string): Promise<OperationResult<T>> => {
    const { requestId, logger: requestLogger } = requestScope(req) ?? { requestId: 'none', logger };
    let contextValue: Context;
    try {
      contextValue = await context({
        authorization: bearer && `Bearer ${bearer}`,
        clientAddress: req.ip,
        userAgent: req.get('user-agent'),
        requestId,
        logger: requestLogger,
      });
    } catch (error) {
      // The context's own refusals (the database does not answer) carry their code; its failures are logged where they are met.
      if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return { data: null, error: asOperationError(error) };
      return { data: null, error: internal() };
    }
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') return { data: null, error: internal() };
    const { data, errors } = response.body.singleResult;
    if (errors?.length) return { data: null, error: asOperationError(errors[0]) };
    return { data: data as T, error: null };
  };
}

/** The HTTP status a page answers a refusal with. */
export function statusFor(error: OperationError): number {
  const statuses: Record<string, number> = {
    BAD_USER_INPUT: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    GONE: 410,
    RATE_LIMITED: 429,
    UNAVAILABLE: 503,
  };
  return statuses[error.code] ?? 500;
}

/** Retry-After for the refusals that say when to come back. */
export const retryHeaders = (error: OperationError): Record<string, string> =>
  error.retryAfterSeconds !== null ? { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : {};
