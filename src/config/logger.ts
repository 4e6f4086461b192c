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

/** Runs `fn` (and everything it awaits) as part of the request `scope`. */
export const runInRequestScope = (scope: RequestScope, fn: () => void): void => requestScopes.run(scope, fn);

/** The current request's scope, if code runs on behalf of one. */
export const currentRequestScope = (): RequestScope | undefined => requestScopes.getStore();

/**
 * The logger for a line written now: the current request's child logger (so the line carries
 * its requestId), or `fallback` outside requests (startup, the mail worker).
 */
export const loggerFor = (fallback: Logger): Logger => requestScopes.getStore()?.logger ?? fallback;
