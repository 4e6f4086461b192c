/** Small helpers for the benchmark: timing, percentiles and a plain-text table. */
import { performance } from 'node:perf_hooks';

export interface Sample {
  ms: number[];
  totalMs: number;
}

/** Runs `fn` `count` times, `concurrency` at a time, timing each call. */
export async function measure(count: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<Sample> {
  const ms: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await fn(i);
      ms.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { ms, totalMs: performance.now() - started };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const perSecond = (sample: Sample) => (sample.ms.length * 1000) / sample.totalMs;
export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A left-aligned first column and right-aligned numbers. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
