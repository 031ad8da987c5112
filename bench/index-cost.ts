// What a set of schema.cypher's indexes costs an import: the same generated graph imported into a new scratch store with
// and without them, alternately, `runs` times each; and how long building them takes on a store that holds the graph
// already (a store written before they existed, at its first start after). The sets: `dates`, the start and end dates
// of the links whose dates the audit reads (kept-verdicts.cypher reads them); `own`, each record's datasets and when
// versions, records and link copies were retired (a dataset's own records and a change's footprint, found in them); `names`, the full-text index of retired records' and kept versions' names and aliases (search-recorded.cypher reads it). `npx tsx bench/index-cost.ts [links] [runs] [dates|own|names]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';
import { LINK_TYPE_NAMES } from '../vocabulary/index.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 2);
const SET = process.argv[4] ?? 'dates';
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
const SETS: Record<string, { what: string; indexes: string[] }> = {
  dates: {
    what: 'date',
    indexes: DATED.flatMap((t) => [`${t.toLowerCase()}_valid_from`, `${t.toLowerCase()}_valid_to`]),
  },
  own: {
    what: 'datasets and retired-version',
    indexes: [
      'record_datasets',
      'version_rec_to',
      'retired_rec_to',
      ...LINK_TYPE_NAMES.map((t) => `was_${t.toLowerCase()}_rec_to`),
    ],
  },
  names: { what: 'retired-names full-text', indexes: ['retired_names'] },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const set = SETS[SET];
  if (!set) throw new Error(`bench: no index set ${SET}: name dates, own or names`);
  const INDEXES = set.indexes;
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const built: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    // with, without, without, with, …: each pair alternates which goes first.
    const way = (Math.floor(i / 2) + i) % 2 === 0 ? 'with' : 'without';
    const store = await startScratchStore('bench-index-cost');
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
      console.error(`bench: import ${way} the ${set.what} indexes: ${Math.round(times[way].at(-1)!)} ms`);
    } finally {
      await store.stop();
    }
  }
  const [without, withIdx] = [median(times.without), median(times.with)];
  console.log(
    [
      `# npx tsx bench/index-cost.ts ${LINKS} ${RUNS} ${SET} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, imported into a new store; the later-sorted of ${RUNS} runs each (ms; the median when odd), alternating which goes first:`,
      `without the ${INDEXES.length} ${set.what} indexes ${without.toFixed(0)}, with them ${withIdx.toFixed(0)}: ${(withIdx / without).toFixed(2)}x`,
      `building them on the imported graph (schema applied again, waiting until online): ${median(built).toFixed(0)} ms`,
    ].join('\n'),
  );
}

benchMain(main);
