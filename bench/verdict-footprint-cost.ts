// What finding an import's changes costs verdict keeping, side by side in one run on one scratch store with a generated
// graph: the footprint read in the store from what the change stamped (verdict-change-footprint.cypher, today's path)
// against the dataset's state read into this process before and after the write and compared (the path it replaced),
// for re-imports that each change a tenth of the links and organisations. Both are timed around the same imports, and
// the footprint is checked to hold everything the comparison finds. Also reported: how much of Node's heap the state
// took, and the import's own time and verdict keeping's (lastVerdictCost).
// `npx tsx bench/verdict-footprint-cost.ts [links] [rounds]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { lastVerdictCost } from '../server/audit/verdict-keeper.js';
import {
  addDatasetDiff,
  addFootprint,
  nothingTouched,
  stateRows,
  type StateRow,
} from '../server/audit/verdict-anchors.js';
import type { Database } from '../server/db/index.js';
import { roundOfChanges } from './bench-cases.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const ROUNDS = Number(process.argv[3] ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function state(db: Database, dataset: string): Promise<StateRow[]> {
  return stateRows(await db.read('verdict-dataset-state', { dataset }));
}

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-verdict-footprint');
  const lines = [
    `# npx tsx bench/verdict-footprint-cost.ts ${LINKS} ${ROUNDS} — ${new Date().toISOString()}`,
    '',
    `${dataset.links.length} generated links; each round re-imports them with a tenth of the links and organisations changed.`,
    'ms; "state" = the dataset read into Node before and after the write and compared (the path replaced);',
    '"footprint" = what the change stamped, read in the store (today). Heap: Node heap the two states held (MB).',
    '',
    `${'round'.padEnd(6)} ${'state'.padStart(9)} ${'footprint'.padStart(10)} ${'ratio'.padStart(7)} ${'heap MB'.padStart(8)} ${'anchors'.padStart(9)} ${'covers'.padStart(7)} ${'import'.padStart(9)} ${'verdicts'.padStart(9)}`,
  ];
  const ratios: number[] = [];
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    for (let r = 1; r <= ROUNDS; r++) {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const before = await state(store.db, dataset.id);
      const t1 = performance.now();
      const summary = await importDataset(store.db, roundOfChanges(dataset, r), { author: 'bench' });
      const { workMs, verdictMs } = lastVerdictCost;
      const t2 = performance.now();
      const after = await state(store.db, dataset.id);
      const diff = nothingTouched();
      addDatasetDiff(diff, before, after);
      const t3 = performance.now();
      const heap = (process.memoryUsage().heapUsed - heap0) / 1e6;
      const footprint = nothingTouched();
      addFootprint(
        footprint,
        await store.db.read('verdict-change-footprint', { seq: summary.change!.seq, dataset: dataset.id }),
      );
      const t4 = performance.now();
      const covers =
        [...diff.anchors].every((a) => footprint.anchors.has(a)) &&
        [...diff.claims].every((c) => footprint.claims.has(c)) &&
        (!diff.wage || footprint.wage);
      const stateMs = t1 - t0 + (t3 - t2);
      const footprintMs = t4 - t3;
      ratios.push(footprintMs / stateMs);
      lines.push(
        `${String(r).padEnd(6)} ${stateMs.toFixed(0).padStart(9)} ${footprintMs.toFixed(0).padStart(10)} ${(footprintMs / stateMs).toFixed(2).padStart(6)}x ${heap.toFixed(0).padStart(8)} ${`${footprint.anchors.size}/${diff.anchors.size}`.padStart(9)} ${String(covers).padStart(7)} ${workMs.toFixed(0).padStart(9)} ${verdictMs.toFixed(0).padStart(9)}`,
      );
      console.error(lines.at(-1));
      if (!covers) process.exitCode = 1;
    }
    lines.push('', `median footprint / state: ${median(ratios).toFixed(2)}x`);
    console.log(lines.join('\n'));
  } finally {
    await store.stop();
  }
}

await main();
