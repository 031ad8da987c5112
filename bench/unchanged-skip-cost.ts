// What not upserting what a re-import says again saves it, side by side in one run: one scratch store holding the
// generated graph is imported again and again, alternately with a tenth of its links and organisations changed and as
// it was, each import made alternately as the import makes it now (`unchanged-records` and `unchanged-links` find the
// rows the upserts would leave as they are, and only the rest are upserted) and as it did before (every row the store
// already holds upserted: reproduced by finding no row unchanged). The rows sent to the upserts are counted, each
// import's counts compared between the two ways, and the store checked by `verify`'s evidence reading after every
// import. `npx tsx bench/unchanged-skip-cost.ts [links] [rounds]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset, type ImportSummary } from '../server/dataset/index.js';
import type { Database } from '../server/db/index.js';
import { verifyEvidence } from '../server/history/evidence-verify.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { roundOfChanges } from './bench-cases.js';
import { benchMain } from './bench-main.js';
import { startScratchStore } from './scratch-store.js';
import { ratioRow } from './side-by-side.js';
import { withQueries } from './with-queries.js';

const LINKS = Number(process.argv[2] ?? 250_000);
const ROUNDS = Number(process.argv[3] ?? 4);

interface Run {
  ms: number;
  upsertMs: number;
  upserted: number;
}

/** `db` timing the upserts and the checks before them and counting the rows upserted; with `skip` false, no row is found unchanged (as before). */
function timing(db: Database, skip: boolean, run: Run): Database {
  return withQueries(db, (tx) => async (name, params) => {
    const checks = name === 'unchanged-records' || name === 'unchanged-links';
    if (checks && !skip) return [{ unchanged: [] }];
    const upsert = name === 'upsert-records' || name === 'upsert-links';
    if (upsert) {
      const rows = params?.rows;
      run.upserted += Array.isArray(rows)
        ? rows.length
        : Object.values(rows as Record<string, unknown[]>).flat().length;
    }
    const t = performance.now();
    try {
      return await tx.run(name, params);
    } finally {
      if (upsert || checks) run.upsertMs += performance.now() - t;
    }
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const counts = ({ created, updated, unchanged, removed, released }: ImportSummary) =>
  JSON.stringify({ created, updated, unchanged, removed, released });

async function main(): Promise<void> {
  const base = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const changed = validDataset(roundOfChanges(base, 1), 'changed dataset');
  const store = await startScratchStore('bench-unchanged-skip', { heap: '4g', pageCache: '2g' });
  try {
    await store.db.applySchema();
    await importDataset(store.db, base, { author: 'bench' });
    const runs: Record<'now' | 'before', Run[]> = { now: [], before: [] };
    const seen = new Map<string, string>();
    let next = changed;
    for (let round = 0; round < ROUNDS; round++)
      for (const way of round % 2 === 0 ? (['before', 'now'] as const) : (['now', 'before'] as const)) {
        const run: Run = { ms: 0, upsertMs: 0, upserted: 0 };
        const t = performance.now();
        const result = await importDataset(timing(store.db, way === 'now', run), next, { author: 'bench' });
        run.ms = performance.now() - t;
        runs[way].push(run);
        const report = await verifyEvidence(store.db);
        if (report.mismatched || report.withoutHash || report.digest !== report.expected)
          throw new Error(`bench: the evidence after the re-import (${way}) does not verify`);
        // The same import from the same state (the dataset it replaces) counts the same either way.
        const key = next === changed ? 'to changed' : 'back';
        const said = counts(result);
        if (seen.has(key) && seen.get(key) !== said)
          throw new Error(`bench: the re-import ${key} counted ${said} one way and ${seen.get(key)} the other`);
        seen.set(key, said);
        console.error(
          `bench: round ${round + 1} ${way}: ${Math.round(run.ms)} ms, upserts and checks ${Math.round(run.upsertMs)} ms, ${run.upserted} rows upserted; verified`,
        );
        next = next === changed ? base : changed;
      }
    const m = (way: 'now' | 'before', k: keyof Run) => median(runs[way].map((r) => r[k]));
    console.log(
      `\n== re-import of ${LINKS.toLocaleString('en')} generated links, a tenth of the links and organisations changed each time, median of ${ROUNDS} ==`,
    );
    console.log(`${''.padEnd(34)} ${'before'.padStart(10)} ${'now'.padStart(10)}  ratio`);
    for (const [k, label] of [
      ['ms', 're-import, end to end (ms)'],
      ['upsertMs', 'upserts and checks (ms)'],
      ['upserted', 'rows sent to the upserts'],
    ] as const)
      console.log(ratioRow(label, 34, m('before', k), m('now', k)));
  } finally {
    await store.stop();
  }
}

benchMain(main);
