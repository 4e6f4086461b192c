import type { Context } from '../../graphql/context';
import type { AuditEvent } from '../audit/audit-event.entity';

/** An event cleared for one subscriber, with the context it was cleared in (its resolvers read through it). */
export interface ClearedEvent {
  event: AuditEvent;
  context: Context;
}

/**
 * One subscription's events, in the order they were pushed: a bounded buffer between the hub,
 * which pushes at fan-out, and graphql-ws, which pulls as fast as the socket takes them.
 * A full buffer means the client does not keep up: the stream calls `onOverflow` (which drops
 * the connection) and ends, so a slow client never grows the server's memory.
 */
export class EventStream implements AsyncIterableIterator<AuditEvent> {
  private readonly buffer: ClearedEvent[] = [];
  private waiting: ((result: IteratorResult<AuditEvent>) => void) | null = null;
  private waitingFailure: ((error: Error) => void) | null = null;
  private failure: Error | null = null;
  private ended = false;

  constructor(
    /** The subscription's own context: each event's resolvers run in the context it was cleared in. */
    private readonly operationContext: Context,
    private readonly capacity: number,
    private readonly onOverflow: () => void,
    private readonly onEnd: () => void,
  ) {}

  get closed(): boolean {
    return this.ended || this.failure !== null;
  }

  push(cleared: ClearedEvent): void {
    if (this.closed) return;
    if (this.waiting) {
      this.resolveWaiting({ value: this.adopt(cleared), done: false });
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.end();
      this.onOverflow();
      return;
    }
    this.buffer.push(cleared);
  }

  /** Ends the subscription with a refusal after the events already cleared. */
  fail(error: Error): void {
    if (this.closed) return;
    this.failure = error;
    this.onEnd();
    if (this.waitingFailure) {
      const reject = this.waitingFailure;
      this.waiting = null;
      this.waitingFailure = null;
      reject(error);
    }
  }

  next(): Promise<IteratorResult<AuditEvent>> {
    const cleared = this.buffer.shift();
    if (cleared) return Promise.resolve({ value: this.adopt(cleared), done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.waitingFailure = reject;
    });
  }

  return(): Promise<IteratorResult<AuditEvent>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<AuditEvent> {
    return this;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.buffer.length = 0;
    this.onEnd();
    this.resolveWaiting({ value: undefined, done: true });
  }

  private resolveWaiting(result: IteratorResult<AuditEvent>): void {
    const resolve = this.waiting;
    this.waiting = null;
    this.waitingFailure = null;
    resolve?.(result);
  }

  /** The event's fields resolve with the viewer, loaders and access it was cleared with, not the ones of subscribe time. */
  private adopt({ event, context }: ClearedEvent): AuditEvent {
    Object.assign(this.operationContext, { viewer: context.viewer, loaders: context.loaders, access: context.access });
    return event;
  }
}
