// npm run bench: side by side, in one run, on generated fictional graphs (deep-labour generate) of BENCH_SIZES links:
// import (ours, LOAD CSV, one row per transaction; cold and warm), every GraphQL field over HTTP and through the driver
// with the same Cypher, and throughput on a mix without and with the answer cache. Results as ratios (the machine is
// shared and noisy), printed and written to bench/results/<date>.json. Scratch stores only: it never touches NEO4J_URI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchImport, type ImportTiming } from './import-bench.js';
import { benchNewStore, type NewStoreBench } from './new-store-bench.js';
import { benchBrowser, type BrowserTiming } from './browser-bench.js';
import { benchFields, benchThroughput, type FieldTiming, type Throughput } from './query-bench.js';
import { benchCases } from './bench-cases.js';
import { benchEdits, editLines, type EditTiming } from './edit-bench.js';
import { SMALL_WRITE_STEPS, smallWriteCycle, smallWriteMedians } from './small-write.js';
import { DEFAULT_HEAP } from '../server/config.js';

const SIZES = (process.env.BENCH_SIZES ?? '25000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
/** Node limits of the explorer views drawn in Chromium (empty: no browser measurement). */
const BROWSER_LIMITS = (process.env.BENCH_BROWSER ?? '500,2000,5000')
  .split(',')
  .filter((x) => x.trim() !== '')
  .map(Number);
/** Only the fields whose name matches (a case-insensitive regular expression; empty: every field). */
const FIELDS = process.env.BENCH_FIELDS ? new RegExp(process.env.BENCH_FIELDS, 'i') : null;
/** The first load into a new store with Neo4j's offline importer (import --new-store); BENCH_NEW_STORE=0 leaves it out (the CI smoke run). */
const NEW_STORE = process.env.BENCH_NEW_STORE !== '0';
/** Curated dataset sizes for one edit, whole-dataset path beside scoped (#30.1); empty: not measured. */
const EDIT_SIZES = (process.env.BENCH_EDITS ?? '10,20000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const OUT = process.env.BENCH_OUT ?? `bench/results/${new Date().toISOString().slice(0, 10)}.json`;

interface SizeResult {
  links: number;
  entities: number;
  import: ImportTiming[];
  /** import --new-store's steps, and an empty store's start for comparison (absent with BENCH_NEW_STORE=0). */
  newStore: Omit<NewStoreBench, 'newStore'> | null;
  ratios: Record<string, number>;
  fields: FieldTiming[];
  throughput: Throughput[];
  browser: BrowserTiming[];
  /** A fictional five-record dataset imported into the store holding this graph, imported again changed, removed (median ms). */
  smallWrites: ReturnType<typeof smallWriteMedians> | null;
}

function importRatios(t: ImportTiming[]): Record<string, number> {
  const rate = (m: ImportTiming['method'], p: ImportTiming['phase']) =>
    t.find((x) => x.method === m && x.phase === p)!.rowsPerSecond;
  const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const newStore: Record<string, number> = t.some((x) => x.method === 'new-store')
    ? {
        // LOAD CSV's own clock starts on a running store, with its CSV written: this ratio is a lower bound.
        'new-store (end to end) / LOAD CSV, cold': r(rate('new-store', 'cold'), rate('load-csv', 'cold')),
        'new-store (end to end) / ours, cold': r(rate('new-store', 'cold'), rate('ours', 'cold')),
      }
    : {};
  return {
    ...newStore,
    'ours / LOAD CSV, cold': r(rate('ours', 'cold'), rate('load-csv', 'cold')),
    'ours / LOAD CSV, warm': r(rate('ours', 'warm'), rate('load-csv', 'warm')),
    'ours / one row per transaction, cold': r(rate('ours', 'cold'), rate('one-row-per-transaction', 'cold')),
    'ours / one row per transaction, warm': r(rate('ours', 'warm'), rate('one-row-per-transaction', 'warm')),
  };
}

function print(r: SizeResult): void {
  console.log(`\n== ${r.links.toLocaleString('en')} links, ${r.entities.toLocaleString('en')} entities ==`);
  console.log('import (rows/s):');
  for (const t of r.import)
    console.log(
      `  ${t.method.padEnd(26)} ${t.phase.padEnd(5)} ${String(t.rowsPerSecond).padStart(8)}  (${t.rows} rows in ${t.ms} ms)`,
    );
  if (r.newStore)
    console.log(
      `  new-store steps: CSV ${r.newStore.steps.csvMs} ms, importer ${r.newStore.steps.importerMs} ms, store start and schema ${r.newStore.steps.startMs} ms, history and verdicts ${r.newStore.steps.finishMs} ms, of which evidence ${r.newStore.steps.evidenceMs} ms and verdicts ${r.newStore.steps.verdictsMs} ms (an empty store starts in ${r.newStore.emptyStartMs} ms)`,
    );
  for (const [k, v] of Object.entries(r.ratios)) console.log(`  ${k.padEnd(40)} ${v}x`);
  console.log(`fields (ms; ${RUNS} runs each, HTTP, driver and a bare HTTP exchange of the same answer interleaved):`);
  console.log(
    `  ${'field'.padEnd(30)} ${'objects'.padStart(8)} ${'http p50'.padStart(9)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'driver p50'.padStart(11)} ${'ratio'.padStart(6)} ${'transport'.padStart(10)} ${'ratio w/o'.padStart(10)}`,
  );
  for (const f of r.fields) {
    console.log(
      `  ${f.field.padEnd(30)} ${String(f.answer.objects).padStart(8)} ${String(f.http.p50).padStart(9)} ${String(f.http.p95).padStart(7)} ${String(f.http.p99).padStart(7)} ${String(f.driver.p50).padStart(11)} ${String(f.ratioP50).padStart(6)} ${String(f.transport.p50).padStart(10)} ${String(f.ratioP50NoTransport).padStart(10)}`,
    );
  }
  for (const b of r.browser.filter((x) => x.error))
    console.log(`explorer (${b.renderer}): the ${b.limit}-node view did not finish: ${b.error}`);
  for (const b of r.browser.filter((x) => !x.error))
    console.log(
      `explorer (${b.renderer}): ${b.elements} elements drawn in ${b.drawnMs} ms; zoom step ${b.zoomStepMs} ms, pan step ${b.panStepMs} ms (p50)`,
    );
  for (const renderer of ['canvas', 'webgl'] as const) {
    const runs = r.browser.filter((b) => b.renderer === renderer && !b.error);
    if (runs.length > 1)
      console.log(
        `explorer (${renderer}): drawn at ${runs.at(-1)!.elements} elements / at ${runs[0]!.elements}: ${(runs.at(-1)!.drawnMs / runs[0]!.drawnMs).toFixed(2)}x`,
      );
  }
  if (r.smallWrites)
    console.log(
      `a fictional five-record dataset written into this store (median of 5, ms): ${Object.entries(r.smallWrites)
        .map(([step, ms]) => `${step} ${ms}`)
        .join(', ')}`,
    );
  for (const t of r.throughput) {
    console.log(
      `throughput, cache ${t.cache}: ${t.requestsPerSecond} req/s (p50 ${t.p50} ms, p99 ${t.p99} ms, ${t.failed} failed${t.hitRate !== null ? `, ${t.hitRate}% hits` : ''}${t.leftoverMs >= 1000 ? `; questions still open at the end ran ${(t.leftoverMs / 1000).toFixed(1)} s more` : ''})`,
    );
  }
}

async function main(): Promise<void> {
  if (SIZES.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error(
      `bench: BENCH_SIZES must list whole numbers of links of at least 100, got "${process.env.BENCH_SIZES}"`,
    );
  const results: SizeResult[] = [];
  for (const links of SIZES) {
    const dataset = validDataset(generateDataset({ links }), 'generated dataset');
    const entities =
      dataset.organizations.length + dataset.workerPools.length + dataset.tasks.length + dataset.aiProducts.length;
    let fields: FieldTiming[] = [];
    let throughput: Throughput[] = [];
    let browser: BrowserTiming[] = [];
    let smallWrites: SizeResult['smallWrites'] = null;
    const timings = await benchImport(dataset, {
      // Large graphs get the server's default heap (an import is one transaction); small ones a small heap.
      heap: process.env.NEO4J_HEAP ?? (links > 300_000 ? DEFAULT_HEAP : '2g'),
      oneRowSample: Math.min(links, 2000),
      log: (l) => console.error(`bench: ${l}`),
      whileImported: async (db) => {
        const all = benchCases(dataset);
        const cases = FIELDS ? all.filter((c) => FIELDS.test(c.field)) : all;
        if (!cases.length) throw new Error(`bench: BENCH_FIELDS "${process.env.BENCH_FIELDS}" matches no field's name`);
        fields = await benchFields(db, cases, RUNS, (l) => console.error(`bench: ${l}`));
        // The mix is every field's: a throughput of a few chosen ones would not compare with other runs.
        if (LOAD_SECONDS > 0 && !FIELDS) throughput = await benchThroughput(db, cases, LOAD_SECONDS, 16);
        // The busiest platform: its neighbourhood fills the largest views.
        if (BROWSER_LIMITS.length)
          browser = await benchBrowser(db, String(all[0]!.variables!.id), BROWSER_LIMITS, (l) =>
            console.error(`bench: ${l}`),
          );
        // Last: they write (and leave the store as it was, with three more changes in its history). One cycle to plan.
        await smallWriteCycle(db);
        const cycles = [];
        for (let i = 0; i < 5; i++) cycles.push(await smallWriteCycle(db));
        smallWrites = smallWriteMedians(cycles);
      },
    });
    let newStore: SizeResult['newStore'] = null;
    if (NEW_STORE) {
      const bench = await benchNewStore(dataset, {
        heap: process.env.NEO4J_HEAP ?? (links > 300_000 ? DEFAULT_HEAP : '2g'),
        log: (l) => console.error(`bench: ${l}`),
      });
      timings.push(bench.newStore);
      newStore = { steps: bench.steps, emptyStartMs: bench.emptyStartMs };
    }
    const r: SizeResult = {
      links,
      entities,
      import: timings,
      newStore,
      ratios: importRatios(timings),
      fields,
      throughput,
      browser,
      smallWrites,
    };
    results.push(r);
    print(r);
    // Written after each size: a long run that stops later keeps what it measured.
    write(results, null);
  }
  // Graph size at the same answer size: each field's p50 on the largest graph over the smallest.
  const scaling =
    results.length > 1
      ? Object.fromEntries(
          results[0]!.fields.map((f, i) => [
            f.field,
            Math.round((results.at(-1)!.fields[i]!.http.p50 / Math.max(0.1, f.http.p50)) * 100) / 100,
          ]),
        )
      : null;
  if (scaling) {
    console.log(`\nlatency on ${SIZES.at(-1)} links / on ${SIZES[0]} links, field by field (p50):`);
    for (const [k, v] of Object.entries(scaling)) console.log(`  ${k.padEnd(30)} ${v}x`);
  }
  const [firstWrites, lastWrites] = [results[0]?.smallWrites, results.at(-1)?.smallWrites];
  if (results.length > 1 && firstWrites && lastWrites) {
    console.log(`\nsmall writes on ${SIZES.at(-1)} links / on ${SIZES[0]} links (median):`);
    for (const step of SMALL_WRITE_STEPS)
      console.log(`  ${step.padEnd(30)} ${(lastWrites[step] / Math.max(0.1, firstWrites[step])).toFixed(2)}x`);
  }
  let edits: EditTiming[] = [];
  if (EDIT_SIZES.length) {
    edits = await benchEdits(EDIT_SIZES, 5, (l) => console.error(`bench: ${l}`));
    console.log('');
    for (const line of editLines(edits)) console.log(line);
  }
  write(results, scaling, edits);
  console.log(`\nbench: results written to ${OUT}`);
}

function write(results: SizeResult[], scaling: Record<string, number> | null, edits: EditTiming[] = []): void {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? '',
          memoryGiB: Math.round(totalmem() / 2 ** 30),
          node: process.version,
        },
        runs: RUNS,
        sizes: results,
        scaling,
        edits,
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(
    e instanceof Error ? `${e.message}${e.cause ? ` (${(e.cause as Error).message ?? String(e.cause)})` : ''}` : e,
  );
  process.exit(1);
});
