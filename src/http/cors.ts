import cors from 'cors';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER } from './request-id';

/** What a browser client may send (CONTRACT.md, Browser clients): Apollo's CSRF headers included. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', REQUEST_ID_HEADER];

/**
 * CORS for the exact origins in CORS_ORIGINS: their preflights get 204 with the allowed
 * methods and headers (cached 600 s), their requests `Access-Control-Allow-Origin: <origin>`.
 * Any other origin gets no CORS header at all. Responses vary by Origin either way, so a cache
 * never hands one origin's answer to another. No credentials: the API uses no cookies.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const forAllowed = cors({
    origin: (origin, callback) => callback(null, origin),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin !== undefined && allowed.has(origin)) return forAllowed(req, res, next);
    next();
  };
}
