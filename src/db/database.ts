import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../config/logger';
import { createDataSource, type DataSourceOptions } from './data-source';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { startEmbeddedPostgres } from './embedded-postgres';
import { withoutPreparedStatements } from './sql';

export interface Database {
  dataSource: DataSource;
  /** 'embedded' is PGlite: one connection, so concurrent work is serialized. */
  kind: 'postgres' | 'embedded';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; null starts the embedded PGlite. */
  url: string | null;
  /** A new, empty database (dropped on close): a new one on the server, or an in-memory PGlite. */
  fresh?: boolean;
  /** Where the embedded database persists when not fresh; one server at a time holds it (data-dir-lock.ts). */
  dataDir?: string;
  poolSize?: number;
  /** Every entity class (the composition root's list). */
  entities: DataSourceOptions['entities'];
  logger: Logger;
}

/** A new database on `url`'s server (tests, and servers spawned by tests), dropped by `drop`. */
export async function createFreshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `orgraph_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    async drop() {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { logger, entities } = options;
  if (options.url) {
    const fresh = options.fresh ? await createFreshDatabase(options.url) : null;
    const dataSource = createDataSource({ url: fresh?.url ?? options.url, poolSize: options.poolSize ?? 10, logger, entities });
    await dataSource.initialize();
    return {
      dataSource,
      kind: 'postgres',
      async close() {
        await dataSource.destroy();
        await fresh?.drop();
      },
    };
  }
  const dataDir = options.fresh ? undefined : options.dataDir;
  let lock: DataDirLock | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = await lockDataDir(dataDir);
  }
  try {
    const embedded = await startEmbeddedPostgres(dataDir);
    const dataSource = createDataSource({ url: embedded.url, poolSize: 1, logger, entities });
    withoutPreparedStatements(dataSource);
    await dataSource.initialize();
    return {
      dataSource,
      kind: 'embedded',
      async close() {
        await dataSource.destroy();
        await embedded.stop();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
