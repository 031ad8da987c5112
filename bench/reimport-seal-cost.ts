// What naming only what a re-import changed saves it, side by side in one run: one scratch store holding the generated
// graph is imported again and again, alternately with a tenth of its links and organisations changed and as it was
// (each import a re-import that changes a tenth), each import made alternately as the import makes it now (the queries
// that change or delete return what they changed with its `h` before, and the seal reads back that) and as it did
// before (every element the dataset holds named and its `h` read before the write, and all of them read back after:
// reproduced by naming them, as the import did, before its first drop). The store is checked by `verify`'s evidence
// reading after every import. `npx tsx bench/reimport-seal-cost.ts [links] [rounds]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { datasetRows, importDataset, type Dataset } from '../server/dataset/index.js';
import type { Database } from '../server/db/index.js';
import { evidenceCost, touchDataset, touchLinks, touchRecords } from '../server/history/evidence-seal.js';
import { verifyEvidence } from '../server/history/evidence-verify.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { roundOfChanges } from './bench-cases.js';
import { benchMain } from './bench-main.js';
import { startScratchStore } from './scratch-store.js';
import { withQueries } from './with-queries.js';

const LINKS = Number(process.argv[2] ?? 250_000);
const ROUNDS = Number(process.argv[3] ?? 4);

/** `db` whose import transactions name every element of `dataset` before the first drop, as the import did before. */
function namingEverything(db: Database, dataset: Dataset): Database {
  const rows = datasetRows(dataset);
  return withQueries(db, (tx, shim) => {
    let named = false;
    return async (name, params) => {
      if (name === 'drop-links' && !named) {
        named = true;
        await touchDataset(shim, dataset.id);
        await touchRecords(
          shim,
          rows.records.map((r) => r.id),
        );
        await touchLinks(
          shim,
          rows.links.map((l) => ({ type: l.type, id: l.id })),
        );
      }
      return tx.run(name, params);
    };
  });
}

interface Run {
  ms: number;
  evidenceMs: number;
  read: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const base = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const changed = validDataset(roundOfChanges(base, 1), 'changed dataset');
  const store = await startScratchStore('bench-reimport-seal', { heap: '4g', pageCache: '2g' });
  try {
    await store.db.applySchema();
    await importDataset(store.db, base, { author: 'bench' });
    const runs: Record<'now' | 'before', Run[]> = { now: [], before: [] };
    let next = changed;
    for (let round = 0; round < ROUNDS; round++)
      for (const way of round % 2 === 0 ? (['before', 'now'] as const) : (['now', 'before'] as const)) {
        const db = way === 'now' ? store.db : namingEverything(store.db, next);
        const before = { ...evidenceCost };
        const t = performance.now();
        const result = await importDataset(db, next, { author: 'bench' });
        const run = {
          ms: performance.now() - t,
          evidenceMs: evidenceCost.ms - before.ms,
          read: evidenceCost.read - before.read,
        };
        runs[way].push(run);
        const report = await verifyEvidence(store.db);
        if (report.mismatched || report.withoutHash || report.digest !== report.expected)
          throw new Error(`bench: the evidence after the re-import (${way}) does not verify`);
        const written =
          result.updated.records + result.updated.links - result.unchanged.records - result.unchanged.links;
        console.error(
          `bench: round ${round + 1} ${way}: ${Math.round(run.ms)} ms, evidence ${Math.round(run.evidenceMs)} ms, ${run.read} read back, ${written} changed; verified`,
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
      ['evidenceMs', 'of which the evidence (ms)'],
      ['read', 'elements the seal read back'],
    ] as const)
      console.log(
        `${label.padEnd(34)} ${m('before', k).toFixed(0).padStart(10)} ${m('now', k).toFixed(0).padStart(10)}  ${(m('now', k) / m('before', k)).toFixed(2)}x`,
      );
  } finally {
    await store.stop();
  }
}

benchMain(main);
