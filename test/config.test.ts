import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, DEVELOPMENT_WEBHOOK_SECRET_KEY, loadConfig } from '../src/config/config';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: null,
      databaseReadUrls: [],
      readReplicaMaxLagSeconds: 10,
      host: '0.0.0.0',
      port: 4000,
      publicUrl: 'http://localhost:4000',
      appUrl: null,
      smtpUrl: null,
      mailFrom: 'Orgraph <no-reply@orgraph.local>',
      mailDir: path.resolve('data/mail'),
      defaultRegion: 'EU1',
      invitationTtlDays: 7,
      logLevel: 'info',
      nodeEnv: 'development',
      mailWorker: true,
      dataDir: path.resolve('data'),
      shutdownTimeoutSeconds: 10,
      corsOrigins: [],
      metricsPort: null,
      graphqlIntrospection: true,
      graphqlPlayground: true,
      trustProxy: false,
      rateLimits: {
        enabled: true,
        budgets: {
          loginPerEmailAndAddress: { points: 10, durationSeconds: 900 },
          loginPerAddress: { points: 100, durationSeconds: 900 },
          registerPerAddress: { points: 20, durationSeconds: 3600 },
          createOrganizationPerUser: { points: 20, durationSeconds: 3600 },
          invitationsPerOrganization: { points: 100, durationSeconds: 3600 },
          invitationsPerInviter: { points: 100, durationSeconds: 3600 },
          invitationsPerRecipient: { points: 10, durationSeconds: 86400 },
        },
      },
      webhookSecretKey: DEVELOPMENT_WEBHOOK_SECRET_KEY,
      webhooksAllowHttp: false,
      webhooksAllowPrivateNetworks: false,
    });
    // Production never signs with the public development key.
    expect(loadConfig({ NODE_ENV: 'production' }).webhookSecretKey).toBeNull();
  });

  it('reads TRUST_PROXY as Express does: false, true, a hop count, or proxy addresses', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8,192.168.1.1/255.255.255.0, fd00::/8, 203.0.113.7')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.1/255.255.255.0',
      'fd00::/8',
      '203.0.113.7',
    ]);
  });

  it('reads every budget as <attempts>/<period>, and RATE_LIMITS', () => {
    const config = loadConfig({ RATE_LIMITS: 'off', RATE_LIMIT_REGISTER_PER_ADDRESS: '5/30s', RATE_LIMIT_INVITATIONS_PER_RECIPIENT: '3/2d' });
    expect(config.rateLimits.enabled).toBe(false);
    expect(config.rateLimits.budgets.registerPerAddress).toEqual({ points: 5, durationSeconds: 30 });
    expect(config.rateLimits.budgets.invitationsPerRecipient).toEqual({ points: 3, durationSeconds: 172800 });
  });

  it('turns introspection and the playground off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ graphqlIntrospection: false, graphqlPlayground: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toMatchObject({ graphqlIntrospection: true, graphqlPlayground: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_PLAYGROUND: 'true' })).toMatchObject({
      graphqlIntrospection: true,
      graphqlPlayground: true,
    });
    expect(loadConfig({ NODE_ENV: 'test', GRAPHQL_PLAYGROUND: 'false' })).toMatchObject({ graphqlIntrospection: true, graphqlPlayground: false });
  });

  it('refuses a playground without introspection, which could not read the schema', () => {
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'false' })).toThrow(/^GRAPHQL_PLAYGROUND=true needs GRAPHQL_INTROSPECTION=true/);
    expect(() => loadConfig({ NODE_ENV: 'production', GRAPHQL_PLAYGROUND: 'true' })).toThrow(ConfigError);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u@db:5432/orgraph',
      DATABASE_READ_URLS: 'postgresql://u@replica1:5432/orgraph, postgres://u@replica2/orgraph',
      READ_REPLICA_MAX_LAG_SECONDS: '30',
      HOST: '127.0.0.1',
      PORT: '8080',
      PUBLIC_URL: 'https://orgraph.example.com/',
      SMTP_URL: 'smtp://mail:25',
      MAIL_FROM: 'Ops <ops@example.com>',
      MAIL_DIR: '/tmp/orgraph-mail',
      DEFAULT_REGION: 'US2',
      INVITATION_TTL_DAYS: '30',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      MAIL_WORKER: 'off',
      WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      WEBHOOKS_ALLOW_HTTP: 'true',
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
      DATA_DIR: '/var/lib/orgraph',
      SHUTDOWN_TIMEOUT_SECONDS: '30',
    });
    expect(config).toMatchObject({
      dataDir: '/var/lib/orgraph',
      shutdownTimeoutSeconds: 30,
      databaseUrl: 'postgresql://u@db:5432/orgraph',
      databaseReadUrls: ['postgresql://u@replica1:5432/orgraph', 'postgres://u@replica2/orgraph'],
      readReplicaMaxLagSeconds: 30,
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'https://orgraph.example.com',
      smtpUrl: 'smtp://mail:25',
      mailFrom: 'Ops <ops@example.com>',
      mailDir: '/tmp/orgraph-mail',
      defaultRegion: 'US2',
      invitationTtlDays: 30,
      logLevel: 'warn',
      nodeEnv: 'production',
      mailWorker: false,
      webhookSecretKey: Buffer.alloc(32, 7),
      webhooksAllowHttp: true,
      webhooksAllowPrivateNetworks: true,
    });
    expect(loadConfig({ HOST: 'api.local', PORT: '81' }).publicUrl).toBe('http://api.local:81');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '4000.5'],
    ['DEFAULT_REGION', 'EU3'],
    ['DEFAULT_REGION', 'eu1'],
    ['INVITATION_TTL_DAYS', '0'],
    ['INVITATION_TTL_DAYS', '31'],
    ['INVITATION_TTL_DAYS', 'week'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.com'],
    ['DATABASE_URL', 'mysql://root@localhost/db'],
    ['DATABASE_URL', '::nonsense'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['MAIL_WORKER', 'yes'],
    ['GRAPHQL_INTROSPECTION', 'on'],
    ['GRAPHQL_PLAYGROUND', '1'],
    ['MAIL_FROM', 'nobody'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback,proxy.example.com'],
    ['TRUST_PROXY', '101'],
    ['RATE_LIMITS', 'disabled'],
    ['RATE_LIMIT_LOGIN_PER_ADDRESS', '100'],
    ['RATE_LIMIT_LOGIN_PER_ADDRESS', '0/15m'],
    ['RATE_LIMIT_REGISTER_PER_ADDRESS', '10/1w'],
    ['WEBHOOKS_ALLOW_HTTP', 'yes'],
    ['WEBHOOKS_ALLOW_PRIVATE_NETWORKS', '1'],
    ['SHUTDOWN_TIMEOUT_SECONDS', '0'],
    ['SHUTDOWN_TIMEOUT_SECONDS', '10s'],
    ['READ_REPLICA_MAX_LAG_SECONDS', '0'],
    ['READ_REPLICA_MAX_LAG_SECONDS', 'ten'],
  ])('refuses %s=%s with a ConfigError naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^${name} must `));
    // Plain values are quoted back; URLs only by their scheme, since they may carry credentials.
    if (!name.endsWith('_URL')) expect((error as Error).message).toContain(`"${value}"`);
  });

  it('takes DATABASE_READ_URLS only with DATABASE_URL, and only PostgreSQL URLs, never printing them', () => {
    expect(() => loadConfig({ DATABASE_READ_URLS: 'postgresql://replica/db' })).toThrow(/^DATABASE_READ_URLS must come with DATABASE_URL/);
    for (const value of ['postgresql://r1/db,mysql://admin:s3cret@r2/db', 'postgresql://r1/db,', 'postgresql://r1/db,::s3cret']) {
      expect(() => loadConfig({ DATABASE_URL: 'postgresql://db/x', DATABASE_READ_URLS: value })).toThrow(
        /^DATABASE_READ_URLS must list .* \(entry 2 is not one\)$/,
      );
      expect(() => loadConfig({ DATABASE_URL: 'postgresql://db/x', DATABASE_READ_URLS: value })).not.toThrow(/s3cret/);
    }
  });

  it('never prints the credentials of a URL it refuses', () => {
    for (const value of ['postgresql://admin:s3cr#et@db:5432/x', 'mysql://admin:s3cret@db/x']) {
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: value })).not.toThrow(/s3cr/);
    }
    expect(() => loadConfig({ SMTP_URL: 'http://user:s3cret@mail' })).not.toThrow(/s3cret/);
  });
});

describe('node dist/src/main.js', () => {
  const main = path.resolve('dist/src/main.js');
  beforeAll(() => {
    // Built by `npm run build` (CI builds before testing); compile here only when it is missing.
    if (!existsSync(main)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  }, 120_000);

  it('exits non-zero with a clear message on a bad PORT', async () => {
    const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('bad configuration: PORT must be an integer from 0 to 65535 (got "eighty")');
  }, 20_000);
});
