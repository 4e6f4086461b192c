import 'reflect-metadata';
import { DataSource, type DataSourceOptions as TypeOrmOptions } from 'typeorm';
import { migrations } from '../../migrations';
import type { Logger } from '../config/logger';
import { SnakeNamingStrategy } from './naming-strategy';
import { CountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  /** PGlite serves one connection; real PostgreSQL gets a pool. */
  poolSize: number;
  logger: Logger;
  /** Every entity class (the composition root's list). */
  entities: TypeOrmOptions['entities'];
  /** Called for each statement sent (a read replica counts what it serves). */
  onStatement?: () => void;
}

export function createDataSource({ url, poolSize, logger, entities, onStatement }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL 13+; nothing to install.
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(logger, onStatement),
    logging: true,
    maxQueryExecutionTime: 1000,
    // JIT compiles a plan whose estimated cost is high (a cold table's estimates can be) for
    // hundreds of milliseconds: worth it for analytics, never for short requests like ours.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, options: '-c jit=off' },
  });
}
