import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runInRequestScope, type Logger } from '../config/logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A client's id is kept when it could not smuggle anything into logs or headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Gives every request an id (the client's `x-request-id` when sane, else a new UUID), answers
 * it in `x-request-id`, runs the rest of the request in a scope whose child logger stamps
 * every line with it, and writes one line when the response is sent.
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
    runInRequestScope({ requestId, logger: requestLogger }, next);
  };
}
