import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/config';
import { launchBrowser } from './support/browser';
import { registerUser } from './support/factories';
import { startTestServer, type TestServer } from './support/server';

const SPA = 'http://localhost:5173';
const OTHER_APP = 'https://app.example.com';

const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

const preflight = (url: string, origin: string, requestHeaders = 'authorization,content-type') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders } });

describe('CORS over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ CORS_ORIGINS: `${SPA}, ${OTHER_APP}` });
  });
  afterAll(() => api.stop());

  it('answers a preflight from an allowed origin with 204, the methods, the headers and max-age 600', async () => {
    const response = await preflight(api.url, SPA, 'authorization,content-type,apollo-require-preflight,x-apollo-operation-name,x-request-id');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SPA);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')!.split(',').sort()).toEqual([
      'apollo-require-preflight',
      'authorization',
      'content-type',
      'x-apollo-operation-name',
      'x-request-id',
    ]);
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('lets the allowed origin POST JSON and GET with a preflight header, past CSRF prevention', async () => {
    const owner = await registerUser(api);
    const post = await fetch(api.url, {
      method: 'POST',
      headers: { origin: OTHER_APP, 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(OTHER_APP);
    expect(post.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(post.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect((await post.json()).data.viewer.id).toBe(owner.user.id);

    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ viewer { id } }')}`, {
      headers: { origin: SPA, 'apollo-require-preflight': 'true', authorization: `Bearer ${owner.token}` },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe(SPA);
    expect((await get.json()).data.viewer.id).toBe(owner.user.id);
  });

  it('gives any other origin no CORS header at all, on preflights and requests alike', async () => {
    for (const origin of ['http://localhost:5174', 'https://evil.example', 'null', `${SPA}/`]) {
      const response = await preflight(api.url, origin);
      expect(corsHeaders(response)).toEqual([]);
      expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
      const post = await fetch(api.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ viewer { id } }"}' });
      expect(corsHeaders(post)).toEqual([]);
    }
  });

  it('reads CORS_ORIGINS as exact origins, and refuses anything else at start', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: `${SPA},${OTHER_APP}` }).corsOrigins).toEqual([SPA, OTHER_APP]);
    for (const bad of ['*', 'localhost:5173', 'http://localhost:5173/app', 'https://app.example.com/', 'ftp://files.example.com']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS must list exact origins/);
    }
  });
});

describe('CORS unset', () => {
  it('sends no CORS headers to anyone', async () => {
    const api = await startTestServer();
    try {
      const response = await preflight(api.url, SPA);
      expect(corsHeaders(response)).toEqual([]);
    } finally {
      await api.stop();
    }
  });
});

/** A page on its own origin (another port), as an SPA's dev server would serve it. */
async function servePage(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>SPA</title><p>SPA</p>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('CORS in a browser', () => {
  it('lets a page on an allowed origin fetch with an Authorization header, and blocks one on another origin', async () => {
    const browser = await launchBrowser();
    if (!browser) return;
    const allowedPage = await servePage();
    const otherPage = await servePage();
    const api = await startTestServer({ CORS_ORIGINS: allowedPage.origin });
    try {
      const owner = await registerUser(api);
      const page = await browser.newPage();
      const callApi = ({ url, token }: { url: string; token: string }) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'from-the-browser' },
          body: JSON.stringify({ query: '{ viewer { id name } }' }),
        }).then(
          async (response) => ({ status: response.status, body: await response.json(), requestId: response.headers.get('x-request-id') }),
          (error: Error) => ({ failed: error.message }),
        );

      await page.goto(allowedPage.origin);
      const allowed = await page.evaluate(callApi, { url: api.url, token: owner.token });
      expect(allowed).toEqual({
        status: 200,
        body: { data: { viewer: { id: owner.user.id, name: owner.user.name } }, extensions: expect.any(Object) },
        requestId: 'from-the-browser',
      });

      await page.goto(otherPage.origin);
      const blocked = await page.evaluate(callApi, { url: api.url, token: owner.token });
      expect(blocked).toEqual({ failed: expect.stringMatching(/fetch/i) });
    } finally {
      await browser.close();
      await api.stop();
      await allowedPage.close();
      await otherPage.close();
    }
  });
});
