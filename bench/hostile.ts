/**
 * Hostile documents against the server in this process: how long each request takes to be
 * refused (or answered), and the longest the event loop was held meanwhile
 * (perf_hooks.monitorEventLoopDelay). The contract's bound is 100 ms per request. The
 * documents are refused by src/http/limits.ts; before it, the 48 KB one blocked for 8 s.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getIntrospectionQuery } from 'graphql';
import { fixed, table } from './stats';

const times = (text: string, n: number) => Array.from({ length: n }, () => text).join(' ');
const fragments = (n: number, body: string) => Array.from({ length: n }, (_, i) => `fragment F${i} on User { ${body} }`).join(' ');
const spreads = (n: number) => Array.from({ length: n }, (_, i) => `...F${i}`).join(' ');

const DOCUMENTS: Array<[string, string]> = [
  ['16,000 repeated id (48 KB)', `{ viewer { ${times('id', 16_000)} } }`],
  ['150 KB of repeated id', `{ viewer { ${times('id', 50_000)} } }`],
  ['1,990 repeated id', `{ viewer { ${times('id', 1990)} } }`],
  ['1,990 repeated __typename', `{ ${times('__typename', 1990)} }`],
  ['2,000 spreads of one fragment', `{ viewer { ${times('...F', 2000)} } } fragment F on User { id name }`],
  ['990 spreads of one fragment', `{ viewer { ${times('...F', 990)} } } fragment F on User { id name }`],
  ['100 fragments, one spread each', `{ viewer { ${spreads(100)} } } ${fragments(100, 'name')}`],
  ['300 __typename aliases', `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
  ['10 x 10 x 10 nested repeats', `{ ${times(`viewer { ${times(`activeOrganization { ${times('id', 10)} }`, 10)} }`, 10)} }`],
  ['600 unknown fields', `{ viewer { ${Array.from({ length: 600 }, (_, i) => `f${i}`).join(' ')} } }`],
  ['introspection depth bomb', `{ __schema { types { ${'fields { type { '.repeat(300)} name ${'} } '.repeat(300)} } } }`],
  ['full introspection query', getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true })],
];

export async function hostileDocuments(url: string, token: string, dashboard: string): Promise<void> {
  const rows: string[][] = [];
  for (const [name, query] of [...DOCUMENTS, ['contract dashboard query', dashboard] as [string, string]]) {
    let worstMs = 0;
    let worstBlockMs = 0;
    let worstCpuMs = 0;
    let outcome = '';
    for (let i = 0; i < 5; i += 1) {
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      worstMs = Math.max(worstMs, performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      worstCpuMs = Math.max(worstCpuMs, (cpu.user + cpu.system) / 1000);
      loop.disable();
      worstBlockMs = Math.max(worstBlockMs, loop.max / 1e6);
      outcome = `${res.status} ${body.errors?.[0]?.extensions?.code ?? 'data'}`;
    }
    rows.push([name, fixed(query.length / 1024, 1), outcome, fixed(worstMs, 1), fixed(worstCpuMs, 1), fixed(worstBlockMs, 1)]);
  }
  console.log('\nHostile documents: worst of 5 requests each; CPU = this process (server and client) during the request;');
  console.log('loop block = longest the event loop was held during it (the bound is 100 ms; on a busy machine it includes waiting for a core)');
  console.log(table(['document', 'KB', 'answer', 'ms', 'CPU ms', 'loop block ms'], rows));
}
