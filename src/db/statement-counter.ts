import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../config/logger';

/** Counts the SQL statements a request sends; the store lives for one request. */
export interface StatementCount {
  statements: number;
}

export const statementCounter = new AsyncLocalStorage<StatementCount>();

/** TypeORM logger that feeds the per-request counter and sends query errors to pino. */
export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly pino: Logger) {}

  logQuery(query: string): void {
    const store = statementCounter.getStore();
    if (store) store.statements += 1;
    if (this.pino.isLevelEnabled('trace')) this.pino.trace({ query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logQuery(query);
    this.pino.debug({ err: error, query }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.pino.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn({ message }, 'typeorm');
  }
}
