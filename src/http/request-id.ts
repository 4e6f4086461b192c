import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { runInRequestScope, type Logger, type RequestScope } from '../config/logger';

export const REQUEST_ID_HEADER = 'x-request-id';

// Kept by request object: an AsyncLocalStorage store would run a hook on every promise of every request.
const scopes = new WeakMap<Request, RequestScope>();

/** The scope `requestIds` gave this request (undefined before it ran). */
export const requestScope = (req: Request): RequestScope | undefined => scopes.get(req);

/** A client's id is kept when it could not smuggle anything into logs or headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Gives every request an id (the client's `x-request-id` when sane, else a new UUID), answers
 * it in `x-request-id`, gives the request a scope (`requestScope`) whose child logger stamps
 * every line with it (SQL statement lines too, when debug lines are logged), and writes one line
 * when the response is sent.
 */
export function requestIds(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    const requestLogger = logger.child({ requestId });
    const started = process.hrtime.bigint();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      requestLogger.info(
        { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
        'request',
      );
    });
    const scope = { requestId, logger: requestLogger };
    scopes.set(req, scope);
    // Statement lines (debug, trace) are written where no request is at hand: only then does the request run in a store.
    if (requestLogger.isLevelEnabled('debug')) runInRequestScope(scope, next);
    else next();
  };
}
