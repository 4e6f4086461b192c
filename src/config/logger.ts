import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout, or on `destination` (tests read them). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: undefined, redact: ['req.headers.authorization', '*.password', '*.token'] };
  return destination ? pino(options, destination) : pino(options);
}

/** The request being served: its id and its child logger, which stamps every line with that id. */
export interface RequestScope {
  requestId: string;
  logger: Logger;
}

const requestScopes = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `fn` (and everything it awaits) as part of the request `scope`, for the lines logged deep
 * down where no request is at hand (each SQL statement). Only worth it where such lines are
 * written: a store makes Node run a hook on every promise of the request.
 */
export const runInRequestScope = (scope: RequestScope, fn: () => void): void => requestScopes.run(scope, fn);

/**
 * The logger for a line written deep down (SQL): the current request's child logger when the request runs in its scope
 * (`runInRequestScope`), so the line carries its requestId; else `fallback`. Code that has the request at hand uses its logger.
 */
export const loggerFor = (fallback: Logger): Logger => requestScopes.getStore()?.logger ?? fallback;
