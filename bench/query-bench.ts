// Every GraphQL field side by side: over HTTP through the whole server, and the very same Cypher calls (recorded while
// the field ran) replayed through the driver alone; percentiles of each and their ratio, with the answer's size.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import autocannon from 'autocannon';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import type { Database } from '../server/db/index.js';
import { cardsKept } from '../server/audit/kept-cards.js';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}
/**
 * `transport`: the same request and answer exchanged with a bare Node HTTP server that sends back the recorded answer
 * (what any HTTP API pays on this machine, client included); `ratioP50NoTransport`: (HTTP − transport) / driver at p50,
 * what Express, Apollo and the resolvers add to the Cypher.
 */
export interface FieldTiming {
  field: string;
  answer: { objects: number; bytes: number };
  queries: number;
  http: Percentiles;
  driver: Percentiles;
  transport: Percentiles;
  ratioP50: number;
  ratioP50NoTransport: number;
}
/** `leftoverMs`: how long the store went on answering the questions still open when the run stopped its clients. */
export interface Throughput {
  cache: 'off' | 'on';
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  hitRate: number | null;
  leftoverMs: number;
}

/**
 * Waits until the store runs no query but this one (at most `maxMs`), and says how long that took: a load run stops its
 * clients, not the questions they asked, and those would otherwise slow the next run (at 1M links, 16 abandoned
 * scorecards made the run with the cache look as if it answered nothing).
 */
async function untilIdle(db: Database, maxMs = 300_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < maxMs) {
    const [row] = await db.read('bench-running');
    if (Number(row?.running ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return Math.round(performance.now() - start);
}
export interface BenchCase {
  field: string;
  query: string;
  variables?: Record<string, unknown>;
}

function percentiles(times: number[]): Percentiles {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** A view of `db` that writes down every read it runs, so that the same Cypher can be replayed through the driver. */
export function recording(db: Database): { db: Database; take(): [string, Record<string, unknown>][] } {
  let calls: [string, Record<string, unknown>][] = [];
  return {
    db: {
      ...db,
      read: (name, params = {}) => {
        calls.push([name, params]);
        return db.read(name, params);
      },
    },
    take: () => {
      const c = calls;
      calls = [];
      return c;
    },
  };
}

/**
 * Asks `c` once through the server at `url` (serving `rec.db`) and returns the Cypher calls it made, as `rec` wrote them
 * down, once what the answer keeps is kept; an answer with errors throws, naming the field.
 */
export async function askedCalls(
  url: string,
  rec: ReturnType<typeof recording>,
  c: BenchCase,
): Promise<[string, Record<string, unknown>][]> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`bench: ${c.field} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  // A scorecard keeps what it computed after answering: replays must all read the store as it then stays.
  await cardsKept(rec.db);
  return rec.take();
}

/** The size of an answer: every object with an id, once; for answers without ids (stats), every object in a list. */
function countObjects(value: unknown): number {
  const ids = new Set<string>();
  let listed = 0;
  const walk = (v: unknown, inList: boolean) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, true));
    else if (v && typeof v === 'object') {
      if (inList) listed += 1;
      const id = (v as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
      Object.values(v).forEach((x) => walk(x, false));
    }
  };
  walk(value, false);
  return ids.size || listed;
}

export async function serve(db: Database, env: NodeJS.ProcessEnv): Promise<{ url: string; close(): Promise<void> }> {
  const { app, stop } = await createApp({
    db,
    config: readConfig({
      HEAVY_QUERIES: '16',
      HEAVY_QUERY_WAIT_MS: '30000',
      QUERY_TIMEOUT_MS: '120000',
      RATE_LIMIT_POINTS: '20000000',
      ...env,
    }),
    log: () => {},
  });
  const server = await new Promise<Server>((ready) => {
    const s = app.listen(0, '127.0.0.1', () => ready(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await stop();
      server.closeAllConnections();
      server.close();
    },
  };
}

export async function benchFields(
  db: Database,
  cases: BenchCase[],
  runs: number,
  log: (line: string) => void,
): Promise<FieldTiming[]> {
  const rec = recording(db);
  // No answer cache here: this measures the work of each field, not a cache hit.
  const server = await serve(rec.db, { RESPONSE_CACHE_MB: '0' });
  // The transport floor: a bare server that reads the request and sends back the answer it is given.
  let answer = '';
  const bare = await new Promise<Server>((ready) => {
    const s = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(answer);
      });
    });
    s.listen(0, '127.0.0.1', () => ready(s));
  });
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;
  const results: FieldTiming[] = [];
  try {
    for (const c of cases) {
      const post = async () => {
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
        });
        const text = await res.text();
        const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
        if (body.errors) throw new Error(`bench: ${c.field} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
        return { text, data: body.data };
      };
      const first = await post();
      const calls = rec.take();
      for (let i = 0; i < 2; i++) {
        await post();
        rec.take();
      }
      answer = first.text;
      const request = JSON.stringify({ query: c.query, variables: c.variables ?? {} });
      const exchange = async () =>
        JSON.parse(
          await (
            await fetch(bareUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request })
          ).text(),
        ) as unknown;
      const http: number[] = [];
      const driver: number[] = [];
      const transport: number[] = [];
      // Interleaved, so that a noisy moment on the shared machine hits both sides alike.
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        await post();
        http.push(performance.now() - t);
        rec.take();
        t = performance.now();
        for (const [name, params] of calls) await db.read(name, params);
        driver.push(performance.now() - t);
        t = performance.now();
        await exchange();
        transport.push(performance.now() - t);
      }
      const h = percentiles(http);
      const d = percentiles(driver);
      const floor = percentiles(transport);
      const ratio = (x: number) => Math.round((x / Math.max(0.1, d.p50)) * 100) / 100;
      const timing: FieldTiming = {
        field: c.field,
        answer: { objects: countObjects(first.data), bytes: first.text.length },
        queries: calls.length,
        http: h,
        driver: d,
        transport: floor,
        ratioP50: ratio(h.p50),
        ratioP50NoTransport: ratio(Math.max(0, h.p50 - floor.p50)),
      };
      if (timing.answer.objects === 0) log(`bench: warning: ${c.field} answered nothing; choose another case`);
      results.push(timing);
      log(
        `${c.field}: http p50 ${h.p50} ms, driver p50 ${d.p50} ms (${timing.ratioP50}x), transport ${floor.p50} ms (without it ${timing.ratioP50NoTransport}x), ${timing.answer.objects} objects`,
      );
    }
  } finally {
    await server.close();
    bare.closeAllConnections();
    bare.close();
  }
  return results;
}

/** Requests per second on a mix of the cases, without and then with the answer cache, in the same run. */
export async function benchThroughput(
  db: Database,
  cases: BenchCase[],
  seconds: number,
  connections: number,
): Promise<Throughput[]> {
  const requests = cases.map((c) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
  }));
  const out: Throughput[] = [];
  for (const cache of ['off', 'on'] as const) {
    const server = await serve(db, cache === 'off' ? { RESPONSE_CACHE_MB: '0' } : {});
    try {
      // Warm-up: each request once, to its end (with the cache on, each answer is then cached). A fixed 2 s of load left
      // the slowest question (the 1M-link scorecard) unanswered, so the measured run started by waiting for it.
      for (const r of requests)
        await (await fetch(`${server.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body })).text();
      await untilIdle(db);
      const stats = async () =>
        ((await (await fetch(`${server.url}/healthz`)).json()) as { responseCache: { hits: number; misses: number } })
          .responseCache;
      const before = await stats();
      const r = await autocannon({ url: server.url, connections, duration: seconds, requests });
      const after = await stats();
      const leftoverMs = await untilIdle(db);
      const asked = after.hits + after.misses - before.hits - before.misses;
      out.push({
        cache,
        seconds,
        connections,
        requestsPerSecond: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        failed: r.errors + r.timeouts + r.non2xx,
        hitRate: cache === 'on' && asked ? Math.round(((after.hits - before.hits) / asked) * 1000) / 10 : null,
        leftoverMs,
      });
    } finally {
      await server.close();
    }
  }
  return out;
}
