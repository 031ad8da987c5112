// What a visibility watermark would cost every current-time answer (#30.3's design question, docs/versioning.md): an
// import in bounded memory writes in many transactions, so readers must not see its versions until one small switch
// moves a watermark; every current-time query would then be read as its `-recorded` variant at the watermark's seq
// instead of as today's query. Measured side by side in one run, on one scratch store with a generated graph and some
// history (re-imports that each change a tenth of the links and of the organisations' names): each of the benchmark's
// GraphQL questions is asked once through the server, the Cypher calls it made are recorded, and then replayed through
// the driver as they are (today) and with every call that has a `-recorded` variant read as that variant at the last
// change's seq (the watermark), alternately, and the answers of both are compared. Calls without a variant are
// replayed alike on both sides and named: under a watermark they would need one too.
// `npx tsx bench/watermark-cost.ts [links] [rounds] [runs]`.
import { RECORDED_QUERIES } from '../server/db/cypher-template.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import type { Database, Row } from '../server/db/index.js';
import { casesWithBusiestCard, roundOfChanges } from './bench-cases.js';
import { askedCalls, recording, serve } from './query-bench.js';
import { canonicalJson } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const RUNS = Number(process.argv[4] ?? 11);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type Call = [string, Record<string, unknown>];

/**
 * An answer's rows in a form two runs can be compared by: each row as JSON (keys in order), sorted; without `performerSizesThen` (a
 * task's performers as recorded, read only by the variants to withhold its pay: today's queries leave it empty).
 */
const sameRows = (a: Row[][], b: Row[][]) =>
  a.length === b.length &&
  a.every((rows, i) => {
    const json = (r: Row) => canonicalJson(r, ['performerSizesThen']);
    const key = (rs: Row[]) => JSON.stringify(rs.map(json).sort());
    return key(rows) === key(b[i]!);
  });

async function replay(db: Database, calls: Call[]): Promise<{ ms: number; rows: Row[][] }> {
  const t = performance.now();
  const rows: Row[][] = [];
  for (const [name, params] of calls) rows.push(await db.read(name, params));
  return { ms: performance.now() - t, rows };
}

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-watermark');
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    for (let r = 1; r <= ROUNDS; r++) {
      await importDataset(store.db, roundOfChanges(dataset, r), { author: 'bench' });
    }
    const [head] = await store.db.read('ledger-head');
    const seq = Number(head!.seq);
    const [retired] = await store.db.read('bench-retired-links');
    const [versions] = await store.db.read('bench-record-versions');
    const cases = casesWithBusiestCard(dataset);
    const rec = recording(store.db);
    const server = await serve(rec.db, { RESPONSE_CACHE_MB: '0' });
    const watermarked = (calls: Call[]): Call[] =>
      calls.map(([name, params]) =>
        RECORDED_QUERIES.includes(name) ? [`${name}-recorded`, { ...params, seq }] : [name, params],
      );
    const lines = [
      `# npx tsx bench/watermark-cost.ts ${LINKS} ${ROUNDS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, ${ROUNDS} re-imports each changing a tenth of the links and of the organisations:`,
      `${retired!.retired} retired links and ${versions!.versions} record versions beside the current ones; watermark = change ${seq}.`,
      `Median of ${RUNS} replays of each question's Cypher (ms), alternating which side goes first.`,
      '',
      `${'question'.padEnd(52)} ${'today'.padStart(9)} ${'watermark'.padStart(10)} ${'ratio'.padStart(7)}  same answer  calls without a variant`,
    ];
    try {
      for (const c of cases) {
        const today = await askedCalls(server.url, rec, c);
        const marked = watermarked(today);
        const without = [...new Set(today.map(([n]) => n).filter((n) => !RECORDED_QUERIES.includes(n)))];
        if (marked.every(([n], i) => n === today[i]![0])) {
          lines.push(
            `${c.field.padEnd(52)} ${'—'.padStart(9)} ${'—'.padStart(10)} ${'—'.padStart(7)}  —            ${without.join(', ')}`,
          );
          continue;
        }
        // Planned and warm on both sides; the answers compared once.
        const [a, b] = [await replay(store.db, today), await replay(store.db, marked)];
        const same = sameRows(a.rows, b.rows);
        const times = { today: [] as number[], marked: [] as number[] };
        for (let i = 0; i < RUNS; i++) {
          const order = i % 2 === 0 ? (['today', 'marked'] as const) : (['marked', 'today'] as const);
          for (const side of order) times[side].push((await replay(store.db, side === 'today' ? today : marked)).ms);
        }
        const [t, m] = [median(times.today), median(times.marked)];
        lines.push(
          `${c.field.padEnd(52)} ${t.toFixed(1).padStart(9)} ${m.toFixed(1).padStart(10)} ${(m / t).toFixed(2).padStart(6)}x  ${(same ? 'yes' : 'NO').padEnd(11)}  ${without.join(', ')}`,
        );
        console.error(lines.at(-1));
      }
    } finally {
      await server.close();
    }
    console.log(lines.join('\n'));
  } finally {
    await store.stop();
  }
}

benchMain(main);
