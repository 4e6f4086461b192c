/**
 * What live events cost the server: the memory of idle subscribers, and the time from a
 * mutation to its event reaching every subscriber (fan-out). Subscribers run in a child
 * process (bench/subscribers.ts), so the memory measured here is the server's alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RunningServer } from '../src/app/server';
import { fixed, megabytes, percentile, table } from './stats';

const IDLE_SUBSCRIBERS = 1000;
const FANOUT_SUBSCRIBERS = 100;
const FANOUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 50);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const now = () => performance.timeOrigin + performance.now();

async function settledHeap(): Promise<{ heap: number; rss: number }> {
  for (let i = 0; i < 3; i += 1) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

interface Subscribers {
  child: ChildProcess;
  next(): Promise<{ first: number; last: number }>;
  stop(): Promise<void>;
}

async function openSubscribers(server: RunningServer, token: string, organizationId: string, count: number): Promise<Subscribers> {
  const wsUrl = server.url.replace(/^http/, 'ws');
  const child = fork(path.join(__dirname, 'subscribers.js'), [wsUrl, token, organizationId, String(count)], { stdio: 'inherit' });
  const replies: Array<(report: { first: number; last: number }) => void> = [];
  child.on('message', (message: { error?: string; report?: { first: number; last: number } }) => {
    if (message.error) console.error(`subscriber: ${message.error}`);
    if (message.report) replies.shift()?.(message.report);
  });
  const started = Date.now();
  while (server.services.events.subscriberCount(organizationId) < count) {
    if (Date.now() - started > 120_000) throw new Error(`only ${server.services.events.subscriberCount(organizationId)} of ${count} subscribers registered`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    next: () =>
      new Promise((resolve) => {
        replies.push(resolve);
        child.send('next');
      }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('exit');
      await exited;
      while (server.services.events.subscriberCount(organizationId) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

type Mutate = () => Promise<void>;

export async function eventsCost(server: RunningServer, token: string, organizationId: string, mutate: Mutate): Promise<void> {
  const before = await settledHeap();
  const idle = await openSubscribers(server, token, organizationId, IDLE_SUBSCRIBERS);
  const after = await settledHeap();
  await idle.stop();
  console.log(`\nLive events: ${IDLE_SUBSCRIBERS} idle subscribers (one WebSocket connection and subscription each, clients in another process)`);
  console.log(
    table(
      ['measure', 'before', 'with subscribers', 'per subscriber'],
      [
        ['server JS heap', megabytes(before.heap), megabytes(after.heap), `${fixed((after.heap - before.heap) / IDLE_SUBSCRIBERS / 1024, 1)} KB`],
        ['server RSS', megabytes(before.rss), megabytes(after.rss), `${fixed((after.rss - before.rss) / IDLE_SUBSCRIBERS / 1024, 1)} KB`],
      ],
    ),
  );

  const subscribers = await openSubscribers(server, token, organizationId, FANOUT_SUBSCRIBERS);
  const mutation: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < FANOUT_EVENTS + 5; i += 1) {
    const arrived = subscribers.next();
    const t0 = now();
    await mutate();
    const t1 = now();
    const report = await arrived;
    // The first five warm up.
    if (i < 5) continue;
    mutation.push(t1 - t0);
    first.push(report.first - t0);
    last.push(report.last - t0);
  }
  await subscribers.stop();
  console.log(`\nFan-out: ${FANOUT_EVENTS} events, each to ${FANOUT_SUBSCRIBERS} subscribers; milliseconds from sending the mutation`);
  console.log(
    table(
      ['measure', 'p50 ms', 'p95 ms', 'max ms'],
      [
        ['mutation answered', fixed(percentile(mutation, 50), 1), fixed(percentile(mutation, 95), 1), fixed(Math.max(...mutation), 1)],
        ['first subscriber has it', fixed(percentile(first, 50), 1), fixed(percentile(first, 95), 1), fixed(Math.max(...first), 1)],
        [`all ${FANOUT_SUBSCRIBERS} have it`, fixed(percentile(last, 50), 1), fixed(percentile(last, 95), 1), fixed(Math.max(...last), 1)],
      ],
    ),
  );
}
