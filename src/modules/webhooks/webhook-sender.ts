import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './webhook-url';

/** A delivery attempt's limits (CONTRACT.md, Events): 10 s for the whole exchange, and only a short excerpt of the answer kept. */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const MAX_EXCERPT = 512;

export interface AttemptResult {
  ok: boolean;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** The first bytes of the answer, or what went wrong. */
  excerpt: string;
}

/**
 * POSTs `body` to the checked target, connecting to its checked address only (the `lookup`
 * answers with it; TLS still verifies the certificate for the URL's host name). No redirect is
 * followed: a 3xx is a failure like any non-2xx answer. Reads at most MAX_EXCERPT bytes back.
 */
export function postToTarget(target: CheckedTarget, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    const request = send(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        headers: { 'content-type': 'application/json', 'user-agent': 'Orgraph-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let length = 0;
        const finish = () => {
          const status = response.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status, excerpt: Buffer.concat(chunks).toString('utf8').slice(0, MAX_EXCERPT) });
        };
        response.on('data', (chunk: Buffer) => {
          if (length < MAX_EXCERPT) chunks.push(chunk.subarray(0, MAX_EXCERPT - length));
          length += chunk.length;
          // Enough read: the rest is not ours to keep.
          if (length >= MAX_EXCERPT) response.destroy();
        });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error) => resolve({ ok: false, status: null, excerpt: describe(error) }));
    request.end(body);
  });
}

function describe(error: Error): string {
  const code = (error as { code?: string }).code;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return `${code ?? error.name}: ${error.message}`.slice(0, MAX_EXCERPT);
}
