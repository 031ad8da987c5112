// What a change of the `recordedAt` variants costs, side by side in one run, against the same variants at a git revision
// (the reference): one scratch store with a generated graph and some history (re-imports that each change a tenth of
// the links and of the organisations' names), two database handles on it, one with today's cypher/ and one with cypher/
// as it was at <rev>. Each of the benchmark's GraphQL questions is asked once through the server with `recordedAt` at
// the store's first change (the generated graph as first imported), the Cypher calls it made are recorded, and they are
// replayed on both handles alternately; the answers are compared (`same answer`). A question whose calls have no
// `-recorded` variant is left out. `npx tsx bench/recorded-revision-cost.ts <rev> [links] [rounds] [runs]`.
import { RECORDED_QUERIES } from '../server/db/cypher-template.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { createDatabase } from '../server/db/index.js';
import { benchCases, roundOfChanges } from './bench-cases.js';
import { recording, serve } from './query-bench.js';
import { alternately, canonicalJson, filesAt, ratioRow } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const REV = process.argv[2];
const LINKS = Number(process.argv[3] ?? 25_000);
const ROUNDS = Number(process.argv[4] ?? 2);
const RUNS = Number(process.argv[5] ?? 11);

async function main(): Promise<void> {
  if (!REV)
    throw new Error(
      'bench: give the reference revision: npx tsx bench/recorded-revision-cost.ts <rev> [links] [rounds] [runs]',
    );
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-recorded-revision');
  try {
    await store.db.applySchema();
    const first = (await importDataset(store.db, dataset, { author: 'bench' })).change!.at;
    for (let r = 1; r <= ROUNDS; r++) await importDataset(store.db, roundOfChanges(dataset, r), { author: 'bench' });
    const reference = createDatabase(store.connection, filesAt(REV));
    const rec = recording(store.db);
    const server = await serve(rec.db, { RESPONSE_CACHE_MB: '0' });
    const lines = [
      `# npx tsx bench/recorded-revision-cost.ts ${REV} ${LINKS} ${ROUNDS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, ${ROUNDS} re-imports each changing a tenth of the links and organisations; every question asked`,
      `with recordedAt at the first import (${first}); reference: cypher/ at ${REV}. Median of ${RUNS} replays (ms), alternating:`,
      '',
      `${'question'.padEnd(52)} ${'reference'.padStart(10)} ${'today'.padStart(10)} ${'ratio'.padStart(7)}  same answer`,
    ];
    try {
      for (const c of benchCases(dataset)) {
        // The same question as recorded at the first import: `recordedAt` added beside its other arguments.
        const open = c.query.indexOf('{');
        const query =
          c.query
            .slice(0, open)
            .replace(/^query\(/, 'query($recordedAt: DateTime, ')
            .replace(/^query $/, 'query($recordedAt: DateTime) ') +
          c.query.slice(open).replace(/(\w+)\(([^)]*)\)( \{)/, '$1($2, recordedAt: $recordedAt)$3');
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { ...(c.variables ?? {}), recordedAt: first } }),
        });
        const body = (await res.json()) as { errors?: { message: string }[] };
        const calls = rec.take();
        if (body.errors || !calls.some(([name]) => RECORDED_QUERIES.some((q) => name === `${q}-recorded`))) continue;
        const replay = (db: typeof reference) => async () => {
          const rows = [];
          for (const [name, params] of calls) rows.push(await db.read(name, params));
          return rows;
        };
        const [a, b] = [await replay(reference)(), await replay(store.db)()];
        const sameAnswer = canonicalJson(a) === canonicalJson(b);
        const [ref, today] = await alternately(c.field, replay(reference), replay(store.db), RUNS);
        lines.push(`${ratioRow(c.field, 52, ref, today)}  ${sameAnswer ? 'yes' : 'NO'}`);
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
