import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startServer, type RunningServer, type StartOptions } from '../../src/app/server';
import { loadConfig } from '../../src/config/config';
import { createLogger, type Logger } from '../../src/config/logger';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: Array<{ field: string; message: string }>; [key: string]: unknown };
  }>;
  extensions?: { sqlStatements?: number };
}

export interface TestServer {
  url: string;
  server: RunningServer;
  /** POSTs an operation to /graphql, as a client would. */
  exec<T = any, V = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | DocumentNode | string,
    variables?: V,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * A real server over HTTP on a random port, with its own fresh database: a new database on
 * DATABASE_URL's server when set, otherwise an in-memory embedded PGlite. Without SMTP_URL,
 * mail goes to .eml files in a temporary MAIL_DIR; the mail worker polls every 50 ms and a
 * failed mail is retried after about a second. Attempt budgets are off (RATE_LIMITS=off) unless `env` turns them on,
 * and so is the verified-sender rule for invitations (INVITES_REQUIRE_VERIFIED_EMAIL=false): most
 * tests invite from freshly registered accounts; test/accounts-*.test.ts turn it on.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Pick<StartOptions, 'freshDatabase' | 'replicaPollIntervalMs'> & { logger?: Logger } = {},
): Promise<TestServer> {
  const mailDir = path.join(tmpdir(), `orgraph-mail-${randomBytes(4).toString('hex')}`);
  // Tests register many users from one address: budgets are off unless a test turns them on (RATE_LIMITS: 'on').
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    MAIL_DIR: mailDir,
    RATE_LIMITS: 'off',
    INVITES_REQUIRE_VERIFIED_EMAIL: 'false',
    ...env,
  });
  const server = await startServer({
    config,
    logger: options.logger ?? createLogger(config.logLevel),
    freshDatabase: options.freshDatabase ?? true,
    replicaPollIntervalMs: options.replicaPollIntervalMs,
    mailWorker: { pollIntervalMs: 50 },
    mailRetry: { retryDelaySeconds: 1 },
    webhookRetry: { attempts: 4, firstDelaySeconds: 0.2, factor: 1 },
    webhookWorker: { pollingIntervalSeconds: 0.5 },
  });
  return {
    url: server.url,
    server,
    async exec(document, variables, token) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    stop: async () => {
      await server.stop();
    },
  };
}

/**
 * A second server on `first`'s database, as a second process would be; null on the embedded
 * PGlite, which one process and one connection own.
 */
export async function startServerOnSameDatabase(first: TestServer, env: Record<string, string> = {}): Promise<TestServer | null> {
  if (first.server.database.kind !== 'postgres') return null;
  const url = String((first.server.database.dataSource.options as { url: string }).url);
  return startTestServer({ ...env, DATABASE_URL: url }, { freshDatabase: false });
}

/** The single error's code, or undefined. */
export const errorCode = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

/** The data of a response that must have no errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}
