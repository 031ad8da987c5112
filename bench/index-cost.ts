// What the indexes on the links' start and end dates (schema.cypher; kept-verdicts.cypher reads them) cost an import:
// the same generated graph imported into a new scratch store with and without them, alternately, `runs` times each;
// and how long building them takes on a store that holds the graph already (a store written before they existed, at
// its first start after). `npx tsx bench/date-index-cost.ts [links] [runs]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 2);
// The link types whose dates audit-facts.cypher reads, as schema.cypher names their indexes.
const DATED = [
  'RECRUITED_VIA',
  'CONTRACTED_BY',
  'WORKS_ON',
  'SUBCONTRACTS_FOR',
  'PERFORMED_BY',
  'FEEDS',
  'CONTROLLED_BY',
];
const INDEXES = DATED.flatMap((t) => [`${t.toLowerCase()}_valid_from`, `${t.toLowerCase()}_valid_to`]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const built: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    // with, without, without, with, …: each pair alternates which goes first.
    const way = (Math.floor(i / 2) + i) % 2 === 0 ? 'with' : 'without';
    const store = await startScratchStore('bench-date-index');
    try {
      await store.db.applySchema();
      if (way === 'without') for (const name of INDEXES) await store.db.autoCommit('bench-drop-index', { name });
      const t = performance.now();
      await importDataset(store.db, dataset, { author: 'bench' });
      times[way].push(performance.now() - t);
      if (way === 'without') {
        const b = performance.now();
        await store.db.applySchema();
        built.push(performance.now() - b);
      }
      console.error(`bench: import ${way} the date indexes: ${Math.round(times[way].at(-1)!)} ms`);
    } finally {
      await store.stop();
    }
  }
  const [without, withIdx] = [median(times.without), median(times.with)];
  console.log(
    [
      `# npx tsx bench/date-index-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, imported into a new store; the later-sorted of ${RUNS} runs each (ms; the median when odd), alternating which goes first:`,
      `without the ${INDEXES.length} date indexes ${without.toFixed(0)}, with them ${withIdx.toFixed(0)}: ${(withIdx / without).toFixed(2)}x`,
      `building them on the imported graph (schema applied again, waiting until online): ${median(built).toFixed(0)} ms`,
    ].join('\n'),
  );
}

benchMain(main);
