// What writing each created element's `h` with it saves an import, side by side in one run: the same generated dataset
// imported into a new scratch store, alternately as the import writes it now (records and links made with the `h` of
// their content, which the seal reads back and finds right) and as it did before (made without `h`, which the seal then
// stamps on every element: reproduced by taking `h` out of create-records' and create-links' rows on their way to the
// store). Both stores are then checked by `verify`'s evidence reading. `npx tsx bench/created-hash-cost.ts [links] [rounds]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import type { Database } from '../server/db/index.js';
import { evidenceCost } from '../server/history/evidence-seal.js';
import { verifyEvidence } from '../server/history/evidence-verify.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';
import { startScratchStore } from './scratch-store.js';
import { withQueries } from './with-queries.js';

const LINKS = Number(process.argv[2] ?? 250_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const CREATES = new Set(['create-records', 'create-links']);

/** `db` whose transactions send create-records' and create-links' rows without their `h` (the import before). */
function withoutCreatedHash(db: Database): Database {
  const strip = (params: Record<string, unknown> | undefined) => {
    const rows = params?.rows as Record<string, { props: Record<string, unknown> }[]>;
    const out: Record<string, unknown[]> = {};
    for (const [k, list] of Object.entries(rows))
      out[k] = list.map(({ props: { h: _h, ...props }, ...row }) => ({ ...row, props }));
    return { ...params, rows: out };
  };
  return withQueries(db, (tx) => (name, params) => tx.run(name, CREATES.has(name) ? strip(params) : params));
}

interface Run {
  ms: number;
  evidenceMs: number;
  stamped: number;
}

async function importOnce(way: 'now' | 'before', dataset: ReturnType<typeof validDataset>): Promise<Run> {
  const store = await startScratchStore(`bench-created-hash-${way}`, { heap: '4g', pageCache: '2g' });
  try {
    await store.db.applySchema();
    const db = way === 'now' ? store.db : withoutCreatedHash(store.db);
    const before = { ...evidenceCost };
    const t = performance.now();
    await importDataset(db, dataset, { author: 'bench' });
    const run = {
      ms: performance.now() - t,
      evidenceMs: evidenceCost.ms - before.ms,
      stamped: evidenceCost.stamped - before.stamped,
    };
    const report = await verifyEvidence(store.db);
    if (report.mismatched || report.withoutHash || report.digest !== report.expected)
      throw new Error(`bench: the evidence of the import (${way}) does not verify`);
    return run;
  } finally {
    await store.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const runs: Record<'now' | 'before', Run[]> = { now: [], before: [] };
  for (let round = 0; round < ROUNDS; round++)
    for (const way of round % 2 === 0 ? (['before', 'now'] as const) : (['now', 'before'] as const)) {
      const run = await importOnce(way, dataset);
      runs[way].push(run);
      console.error(
        `bench: round ${round + 1} ${way}: ${Math.round(run.ms)} ms, evidence ${Math.round(run.evidenceMs)} ms, ${run.stamped} stamped`,
      );
    }
  const m = (way: 'now' | 'before', k: keyof Run) => median(runs[way].map((r) => r[k]));
  console.log(`\n== first import of ${LINKS.toLocaleString('en')} links into a new store, median of ${ROUNDS} ==`);
  console.log(`${''.padEnd(28)} ${'before'.padStart(10)} ${'now'.padStart(10)}  ratio`);
  for (const k of ['ms', 'evidenceMs'] as const)
    console.log(
      `${(k === 'ms' ? 'import, end to end (ms)' : 'of which the evidence (ms)').padEnd(28)} ${m('before', k).toFixed(0).padStart(10)} ${m('now', k).toFixed(0).padStart(10)}  ${(m('now', k) / m('before', k)).toFixed(2)}x`,
    );
  console.log(
    `${'elements stamped by the seal'.padEnd(28)} ${String(m('before', 'stamped')).padStart(10)} ${String(m('now', 'stamped')).padStart(10)}`,
  );
}

benchMain(main);
