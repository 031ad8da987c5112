// What a small write into a big store costs, side by side in one run against the same queries at a git revision (the
// reference): a scratch store holds a generated graph, and a fictional five-record dataset is imported, imported again
// changed, and removed (small-write.ts), through two database handles on the store (today's cypher/ and cypher/ as it
// was at <rev>), alternating which goes first. Each step's median is reported, and what each handle's removal reported is
// compared. Before 5 December 2026 every such step read every record and link of the store to find the dataset's own.
// `npx tsx bench/small-write-cost.ts <rev> [links] [runs]`.
import { createDatabase } from '../server/db/index.js';
import { importDataset } from '../server/dataset/index.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { SMALL_WRITE_STEPS as STEPS, smallWriteCycle as cycle, type SmallWriteCycle } from './small-write.js';
import { filesAt, ratioRow, same } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { benchMain } from './bench-main.js';

const REV = process.argv[2];
const LINKS = Number(process.argv[3] ?? 25_000);
const RUNS = Number(process.argv[4] ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!REV)
    throw new Error('bench: name the reference revision: npx tsx bench/small-write-cost.ts <rev> [links] [runs]');
  const reference = filesAt(REV);
  reference('drop-links'); // fails now, not after the import, on a revision git does not know
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-small-write');
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    const handles = [createDatabase(store.connection, reference), store.db] as const;
    const runs: SmallWriteCycle[][] = [[], []];
    // One cycle each first (planned and warm), its removal compared.
    same('what the removal reported', (await cycle(handles[0])).removed, (await cycle(handles[1])).removed);
    for (let i = 0; i < RUNS; i++)
      for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) runs[k]!.push(await cycle(handles[k]!));
    await handles[0].close();
    const lines = [
      `# npx tsx bench/small-write-cost.ts ${REV} ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links in the store; a fictional dataset of 5 records and 4 links written into it;`,
      `reference: cypher/ at ${REV}; median of ${RUNS} (ms), alternating which goes first:`,
      `${'step'.padEnd(40)} ${'reference'.padStart(10)} ${'today'.padStart(10)} ${'ratio'.padStart(7)}`,
      ...STEPS.map((step, j) =>
        ratioRow(step, 40, median(runs[0]!.map((r) => r.ms[j]!)), median(runs[1]!.map((r) => r.ms[j]!))),
      ),
      '',
      'of which keeping verdicts (its footprint read both ways: by a scan of the store, and from the dataset):',
      ...STEPS.map((step, j) =>
        ratioRow(step, 40, median(runs[0]!.map((r) => r.verdictMs[j]!)), median(runs[1]!.map((r) => r.verdictMs[j]!))),
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await store.stop();
  }
}

benchMain(main);
