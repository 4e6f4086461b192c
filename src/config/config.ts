import { isIP } from 'node:net';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { BUDGETS, parseBudget, type Budget, type BudgetName } from './budgets';

export const REGIONS = ['EU1', 'EU2', 'US1', 'US2'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;

export interface Config {
  databaseUrl: string | null;
  /** Streaming read replicas of DATABASE_URL (DATABASE_READ_URLS); empty: every read on the primary. */
  databaseReadUrls: string[];
  /** A replica lagging more than this many seconds is skipped until it catches up (READ_REPLICA_MAX_LAG_SECONDS). */
  readReplicaMaxLagSeconds: number;
  host: string;
  port: number;
  publicUrl: string;
  /** Where the pages behind email links send people once they acted (APP_URL); null: nowhere. */
  appUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  mailDir: string;
  defaultRegion: (typeof REGIONS)[number];
  invitationTtlDays: number;
  logLevel: (typeof LOG_LEVELS)[number];
  nodeEnv: (typeof NODE_ENVS)[number];
  /** Whether this process delivers the mail queue (any number of processes may). */
  mailWorker: boolean;
  /** DATA_DIR: the embedded database (`<dataDir>/pglite`, locked by one server at a time) and the default mail directory. */
  dataDir: string;
  /** SHUTDOWN_TIMEOUT_SECONDS: how long a SIGTERM/SIGINT drain may take before open connections are cut and the process exits. */
  shutdownTimeoutSeconds: number;
  /** The key that encrypts webhook signing secrets at rest (AES-256-GCM), 32 bytes; null: webhooks are off. */
  webhookSecretKey: Buffer | null;
  /** Test rigs and local development: webhook URLs may use http:// (CONTRACT.md, Events). */
  webhooksAllowHttp: boolean;
  /** Test rigs only: webhook URLs may resolve to loopback, private or link-local addresses. */
  webhooksAllowPrivateNetworks: boolean;
  /** Browser origins allowed to call /graphql (CORS); empty: none. */
  corsOrigins: string[];
  /** Port of the Prometheus metrics listener; null: no metrics. */
  metricsPort: number | null;
  /** Whether the schema answers introspection (GRAPHQL_INTROSPECTION; off in production unless set). */
  graphqlIntrospection: boolean;
  /** Whether browsers get GraphiQL at /graphql (GRAPHQL_PLAYGROUND; off in production unless set). */
  graphqlPlayground: boolean;
  /** Express's `trust proxy`: which X-Forwarded-For hops to believe for the client address (false: the socket's). */
  trustProxy: TrustProxy;
  /** The attempt budgets; `enabled: false` (RATE_LIMITS=off) spends none of them. */
  rateLimits: RateLimits;
}

export type TrustProxy = boolean | number | string[];

export interface RateLimits {
  enabled: boolean;
  budgets: Record<BudgetName, Budget>;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function oneOf<T extends readonly string[]>(env: Env, name: string, values: T, fallback: T[number]): T[number] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
  return raw;
}

function integer(env: Env, name: string, min: number, max: number, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[], fallback: string | null): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // Not echoed: a URL may carry credentials (DATABASE_URL, SMTP_URL), and this message is printed.
    throw new ConfigError(`${name} must be a URL (got a value that does not parse as one)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a subnet (address/prefix or address/netmask) or one of Express's names for a range. */
function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.includes(item)) return true;
  const [address, range, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  const bits = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(range) ? Number(range) <= bits : family === 4 && isIP(range) === 4;
}

/** TRUST_PROXY: false (default), true, a hop count, or a comma-separated list of proxy addresses, as Express's `trust proxy` takes them. */
function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 100, 0);
  const items = raw.split(',').map((item) => item.trim());
  if (!items.every(isProxyAddress))
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a hop count, or addresses, subnets, loopback, linklocal or uniquelocal separated by commas (got "${raw}")`,
    );
  return items;
}

function rateLimits(env: Env): RateLimits {
  const budgets = {} as Record<BudgetName, Budget>;
  for (const [name, { variable, fallback }] of Object.entries(BUDGETS) as Array<[BudgetName, (typeof BUDGETS)[BudgetName]]>) {
    const raw = env[variable] || fallback;
    const budget = parseBudget(raw);
    if (!budget) throw new ConfigError(`${variable} must be <attempts>/<period>, e.g. ${fallback} (period in s, m, h or d) (got "${raw}")`);
    budgets[name] = budget;
  }
  return { enabled: oneOf(env, 'RATE_LIMITS', ['on', 'off'] as const, 'on') === 'on', budgets };
}

/** Comma-separated exact origins (`scheme://host[:port]`, no path, no wildcard). */
function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`${name} must list exact origins such as https://app.example.com, separated by commas (got "${origin}")`);
    }
    return origin;
  });
}

/** DATABASE_READ_URLS: PostgreSQL URLs separated by commas; they need DATABASE_URL (the embedded database has no replicas). */
function readUrls(env: Env, primary: string | null): string[] {
  const raw = env.DATABASE_READ_URLS?.trim();
  if (!raw) return [];
  if (!primary) throw new ConfigError('DATABASE_READ_URLS must come with DATABASE_URL (the embedded database has no replicas)');
  return raw.split(',').map((entry, index) => {
    // Not echoed: the URLs may carry credentials.
    const refused = new ConfigError(`DATABASE_READ_URLS must list postgres:// or postgresql:// URLs separated by commas (entry ${index + 1} is not one)`);
    try {
      const parsed = url({ entry: entry.trim() }, 'entry', ['postgres:', 'postgresql:'], null);
      if (parsed) return parsed;
    } catch {
      // refused below
    }
    throw refused;
  });
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  return oneOf(env, name, ['true', 'false'] as const, fallback ? 'true' : 'false') === 'true';
}

/** The key used outside production when WEBHOOK_SECRET_KEY is unset: public, so only for development. */
export const DEVELOPMENT_WEBHOOK_SECRET_KEY = createHash('sha256').update('orgraph development webhook secret key').digest();

/**
 * WEBHOOK_SECRET_KEY: 32 bytes in base64 (e.g. `openssl rand -base64 32`). Unset outside
 * production: DEVELOPMENT_WEBHOOK_SECRET_KEY. Unset in production: null, and webhooks cannot
 * be created (a key everyone can read would protect nothing).
 */
function webhookSecretKey(env: Env, nodeEnv: string): Buffer | null {
  const raw = env.WEBHOOK_SECRET_KEY;
  if (raw === undefined || raw === '') return nodeEnv === 'production' ? null : DEVELOPMENT_WEBHOOK_SECRET_KEY;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(`WEBHOOK_SECRET_KEY must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

/** Reads and validates every setting; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const host = env.HOST || '0.0.0.0';
  const port = integer(env, 'PORT', 0, 65535, 4000);
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:'], `http://${publicHost}:${port}`)!.replace(/\/+$/, '');
  const mailFrom = env.MAIL_FROM || 'Orgraph <no-reply@orgraph.local>';
  if (!/@/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must contain an email address (got "${mailFrom}")`);
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  const metricsPort = env.METRICS_PORT ? integer(env, 'METRICS_PORT', 0, 65535, 0) : null;
  // Metrics are for operators only: never served where the API is.
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port) throw new ConfigError(`METRICS_PORT must differ from PORT (both are ${port})`);
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const graphqlIntrospection = flag(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production');
  const graphqlPlayground = flag(env, 'GRAPHQL_PLAYGROUND', nodeEnv !== 'production');
  if (graphqlPlayground && !graphqlIntrospection) {
    throw new ConfigError('GRAPHQL_PLAYGROUND=true needs GRAPHQL_INTROSPECTION=true (the playground reads the schema by introspection)');
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], null);
  return {
    databaseUrl,
    databaseReadUrls: readUrls(env, databaseUrl),
    readReplicaMaxLagSeconds: integer(env, 'READ_REPLICA_MAX_LAG_SECONDS', 1, 3600, 10),
    host,
    port,
    publicUrl,
    appUrl: url(env, 'APP_URL', ['http:', 'https:'], null),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:'], null),
    mailFrom,
    mailDir: path.resolve(env.MAIL_DIR || path.join(dataDir, 'mail')),
    defaultRegion: oneOf(env, 'DEFAULT_REGION', REGIONS, 'EU1'),
    invitationTtlDays: integer(env, 'INVITATION_TTL_DAYS', 1, 30, 7),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    nodeEnv,
    mailWorker: oneOf(env, 'MAIL_WORKER', ['on', 'off'] as const, 'on') === 'on',
    dataDir,
    shutdownTimeoutSeconds: integer(env, 'SHUTDOWN_TIMEOUT_SECONDS', 1, 3600, 10),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    metricsPort,
    graphqlIntrospection,
    graphqlPlayground,
    trustProxy: trustProxy(env),
    rateLimits: rateLimits(env),
    webhookSecretKey: webhookSecretKey(env, nodeEnv),
    webhooksAllowHttp: flag(env, 'WEBHOOKS_ALLOW_HTTP', false),
    webhooksAllowPrivateNetworks: flag(env, 'WEBHOOKS_ALLOW_PRIVATE_NETWORKS', false),
  };
}
