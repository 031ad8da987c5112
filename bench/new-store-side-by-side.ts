// `npx tsx bench/new-store-side-by-side.ts [links,links…]`: import --new-store against LOAD CSV … IN TRANSACTIONS and the
// ordinary import, end to end, on the bench's generated graph (25,000 links by default); printed and written to
// bench/results/new-store-<date>.json. Scratch stores only, one at a time. `npm run bench` runs the --new-store case too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { DEFAULT_HEAP } from '../server/config.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchLoadCsvEndToEnd, benchNewStore, benchOrdinaryImport } from './new-store-bench.js';

const SIZES = (process.argv[2] ?? '25000').split(',').map((s) => Number(s.trim()));
const OUT = process.env.BENCH_OUT ?? `bench/results/new-store-${new Date().toISOString().slice(0, 10)}.json`;
const log = (l: string) => console.error(`bench: ${l}`);

async function main(): Promise<void> {
  const results: unknown[] = [];
  for (const links of SIZES) {
    const dataset = validDataset(generateDataset({ links }), 'generated dataset');
    const heap = process.env.NEO4J_HEAP ?? (links > 300_000 ? DEFAULT_HEAP : '2g');
    const load = [loadavg()[0]!];
    const bulk = await benchNewStore(dataset, { heap, log });
    load.push(loadavg()[0]!);
    const csv = await benchLoadCsvEndToEnd(dataset, heap);
    log(`LOAD CSV … IN TRANSACTIONS, CSV writing included: ${csv.ms} ms`);
    load.push(loadavg()[0]!);
    const ours = process.env.BENCH_SKIP_ORDINARY === '1' ? null : await benchOrdinaryImport(dataset, heap);
    if (ours) log(`ordinary import: ${ours.ms} ms`);
    load.push(loadavg()[0]!);
    const withoutStart = bulk.newStore.ms - bulk.emptyStartMs;
    const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const result = {
      links,
      rows: bulk.newStore.rows,
      newStore: bulk.newStore,
      steps: bulk.steps,
      emptyStartMs: bulk.emptyStartMs,
      loadCsv: csv,
      ordinary: ours,
      ratios: {
        'new-store / LOAD CSV (end to end)': r(csv.ms, bulk.newStore.ms),
        'new-store without the store start / LOAD CSV': r(csv.ms, withoutStart),
        ...(ours ? { 'new-store / ordinary import': r(ours.ms, bulk.newStore.ms) } : {}),
      },
      loadAverage: load.map((x) => Math.round(x * 10) / 10),
    };
    results.push(result);
    console.log(`\n== ${links.toLocaleString('en')} links (${bulk.newStore.rows} entity and link rows) ==`);
    console.log(
      `  import --new-store     ${String(bulk.newStore.ms).padStart(8)} ms  (CSV ${bulk.steps.csvMs}, importer ${bulk.steps.importerMs}, store start and schema ${bulk.steps.startMs}, history and verdicts ${bulk.steps.finishMs} (of which evidence ${bulk.steps.evidenceMs}, verdicts ${bulk.steps.verdictsMs}); an empty store starts in ${bulk.emptyStartMs})`,
    );
    console.log(`  LOAD CSV, CSV included ${String(csv.ms).padStart(8)} ms`);
    if (ours) console.log(`  ordinary import        ${String(ours.ms).padStart(8)} ms`);
    for (const [k, v] of Object.entries(result.ratios))
      console.log(`  ${k.padEnd(46)} ${v}x (above 1: --new-store is faster)`);
    console.log(`  load average during the runs: ${result.loadAverage.join(', ')}`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      OUT,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
          sizes: results,
        },
        null,
        2,
      )}\n`,
    );
  }
  console.log(`\nbench: results written to ${OUT}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
