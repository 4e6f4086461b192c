import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { loggerFor, type Logger } from '../config/logger';

/** Counts the SQL statements a request sends; the store lives for one request. */
export interface StatementCount {
  statements: number;
}

export const statementCounter = new AsyncLocalStorage<StatementCount>();

let statementsSent = 0;
/** Every statement this process has sent, requests and background work alike (for metrics). */
export const statementsSentSoFar = (): number => statementsSent;

/** TypeORM logger that feeds the per-request counter and sends query errors to pino. */
export class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly pino: Logger,
    /** Called for each statement too (a read replica counts what it serves). */
    private readonly onStatement?: () => void,
  ) {}

  logQuery(query: string): void {
    statementsSent += 1;
    this.onStatement?.();
    const store = statementCounter.getStore();
    if (store) store.statements += 1;
    if (this.pino.isLevelEnabled('trace')) loggerFor(this.pino).trace({ query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logQuery(query);
    loggerFor(this.pino).debug({ err: error, query }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    loggerFor(this.pino).warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.pino.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn({ message }, 'typeorm');
  }
}
