// What `search`, `organizations` and `stats` cost as recorded (recordedAt), side by side in one run against today's
// query: one scratch store with a generated graph and some history (re-imports that each change a tenth of the links
// and of the organisations' names, so renamed organisations have kept versions), each question's Cypher run through
// the driver as today's query and as its `-recorded` variant at the last change (what a staged import's readers would
// read: the answers are compared, `performerSizesThen` left out) and at the first import (a saved view of the graph
// as first imported), alternately. The searches: the benchmark's ("generated vendor 1": a tenth of the vendors) and
// the worst a typeahead can send on this graph ("generated": every name).
// `npx tsx bench/lists-recorded-cost.ts [links] [rounds] [runs]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { toFullTextQuery } from '../server/resolvers/arguments.js';
import { roundOfChanges } from './bench-cases.js';
import { alternately, canonicalJson, ratioRow } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import type { Row } from '../server/db/index.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const RUNS = Number(process.argv[4] ?? 11);

const search = (text: string) => ({ query: toFullTextQuery(text), limit: 20, withSources: false });
const org = (kind: string | null, withCount = true) => ({
  kind,
  country: null,
  first: 50,
  after: '',
  withSources: false,
  withCount,
});
const QUESTIONS: [string, string, Record<string, unknown>][] = [
  ['search "generated vendor 1"', 'search', search('generated vendor 1')],
  ['search "generated" (every name)', 'search', search('generated')],
  ['organizations vendors, first 50, totalCount', 'organizations', org('vendor')],
  ['organizations all, first 50, totalCount', 'organizations', org(null)],
  ['organizations all, first 50, no count', 'organizations', org(null, false)],
  ['claimPage, first 100, no count', 'claim-page', { organizationId: null, first: 100, after: '', withCount: false }],
  ['stats', 'stats', {}],
];

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-lists-recorded');
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    const [first] = await store.db.read('ledger-head');
    for (let r = 1; r <= ROUNDS; r++) await importDataset(store.db, roundOfChanges(dataset, r), { author: 'bench' });
    const [head] = await store.db.read('ledger-head');
    const [retired] = await store.db.read('bench-retired-links');
    const [versions] = await store.db.read('bench-record-versions');
    const lines = [
      `# npx tsx bench/lists-recorded-cost.ts ${LINKS} ${ROUNDS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, ${ROUNDS} re-imports each changing a tenth of the links and of the organisations' names:`,
      `${retired!.retired} retired links and ${versions!.versions} record versions beside the current ones.`,
      `Median of ${RUNS} runs of each query through the driver (ms), alternating which goes first; "at the head": the variant`,
      `at the last change (same answer as today's, performerSizesThen left out; "ties": a search whose last places, all of one`,
      `score, hold other names of that score), "at the first import": change ${first!.seq}.`,
      '',
      `${'question'.padEnd(62)} ${'today'.padStart(10)} ${'recorded'.padStart(10)} ${'ratio'.padStart(7)}  same answer`,
    ];
    const json = (rows: unknown) => canonicalJson(rows, ['performerSizesThen']);
    // A search whose last places are taken by names of equal score may differ in which of them it shows: today's
    // keeps Lucene's first $limit hits (in its own order), the variant the first ids among every hit. "ties" says the
    // answers differ only so (the same scores, place by place).
    const scores = (rows: Row[]) => rows.map((r) => Number(r.score));
    const sameAnswer = (a: Row[], b: Row[]) =>
      json(a) === json(b)
        ? 'yes'
        : a.length > 0 && 'score' in a[0]! && json(scores(a)) === json(scores(b))
          ? 'ties'
          : 'NO';
    for (const [label, name, params] of QUESTIONS) {
      for (const [at, seq] of [
        ['at the head', Number(head!.seq)],
        ['at the first import', Number(first!.seq)],
      ] as const) {
        const today = () => store.db.read(name, params);
        const recorded = () => store.db.read(`${name}-recorded`, { ...params, seq });
        const same = at === 'at the head' ? sameAnswer(await today(), await recorded()) : '—';
        const [a, b] = await alternately(label, today, recorded, RUNS);
        lines.push(`${ratioRow(`${label}, ${at}`, 62, a, b)}  ${same}`);
        console.error(lines.at(-1));
      }
    }
    console.log(lines.join('\n'));
  } finally {
    await store.stop();
  }
}

benchMain(main);
