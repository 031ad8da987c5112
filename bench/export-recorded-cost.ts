// What exporting the whole graph as the store recorded it at a moment (`deep-labour export --recorded-at`) costs against
// exporting it as it is now, side by side in one run on one scratch store with a generated graph and some history
// (re-imports that each change a tenth of the links and of the organisations), alternately; the two answers compared
// at the last change (the graph now and the graph as recorded just after the last change are the same graph).
// `npx tsx bench/export-recorded-cost.ts [links] [rounds] [runs]`.
import { exportDataset, importDataset } from '../server/dataset/index.js';
import { roundOfChanges } from './bench-cases.js';
import { alternately, ratioRow } from './side-by-side.js';
import { onGeneratedGraph } from './scratch-store.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const RUNS = Number(process.argv[4] ?? 5);

async function main(): Promise<void> {
  await onGeneratedGraph('bench-export-recorded', LINKS, async (db, dataset) => {
    let current = dataset;
    for (let round = 1; round <= ROUNDS; round++) {
      current = roundOfChanges(current, round);
      await importDataset(db, current, { author: 'bench' });
    }
    const [{ seq }] = (await db.read('ledger-head')) as [{ seq: number }];
    const at = new Date().toISOString();
    const sections = (d: Awaited<ReturnType<typeof exportDataset>>) => {
      const { format: _f, id: _i, name: _n, description: _d, ...rest } = d;
      return rest;
    };
    const [now, recorded] = await alternately(
      'the whole graph',
      async () => sections(await exportDataset(db)),
      async () => sections(await exportDataset(db, { seq, at })),
      RUNS,
      true,
    );
    console.log(
      [
        `# npx tsx bench/export-recorded-cost.ts ${LINKS} ${ROUNDS} ${RUNS} — ${new Date().toISOString()}`,
        '',
        `${dataset.links.length} generated links, ${ROUNDS} re-imports each changing a tenth of the links and organisations; the whole graph exported (its rows read and made a dataset), median of ${RUNS} (ms), alternating, answers compared:`,
        `${'exported'.padEnd(40)} ${'now'.padStart(10)} ${'recorded'.padStart(10)} ${'ratio'.padStart(7)}`,
        ratioRow(`as recorded after the last change (${seq})`, 40, now, recorded),
      ].join('\n'),
    );
  });
}

benchMain(main);
