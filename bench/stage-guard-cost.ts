// What the stage guard costs every read (#30.3, docs/versioning.md, "Imports in bounded memory"): each read's statement
// now opens with `stage-guard` (a look-up of the change counter that fails the statement while an import is being
// written in batches), so that a staged import's batches are never seen. Side by side in one run, on one scratch store
// with the generated graph: each of the benchmark's GraphQL questions is asked once through the server, the Cypher
// calls it made are recorded, then replayed as reads are made now and as they were made before (the query alone
// through the driver's executeQuery, reproduced here), alternately, and the answers of both compared.
// `npx tsx bench/stage-guard-cost.ts [links] [runs] [control]` (control: both sides as before, the noise alone).
import neo4j from 'neo4j-driver';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { loadCypherFiles } from '../server/db/cypher-files.js';
import { toPlain } from '../server/db/to-plain.js';
import type { Row } from '../server/db/index.js';
import { casesWithBusiestCard } from './bench-cases.js';
import { askedCalls, recording, serve } from './query-bench.js';
import { alternately, ratioRow } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 21);
/** `control`: both sides read as before, to show what the machine's noise alone makes of the same comparison. */
const CONTROL = process.argv[4] === 'control';
type Call = [string, Record<string, unknown>];

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-stage-guard');
  const { uri, user, password } = store.connection;
  const driver = neo4j.driver(uri, user ? neo4j.auth.basic(user, password ?? '') : undefined);
  const cypher = loadCypherFiles();
  // The read as it was before the mark: one query, auto-committed, whole numbers sent as integers.
  const before = async (name: string, params: Record<string, unknown>): Promise<Row[]> => {
    const sent = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]),
    );
    const { records } = await driver.executeQuery(cypher(name), sent, { routing: neo4j.routing.READ });
    return records.map((r) => toPlain(r.toObject()) as Row);
  };
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    const cases = casesWithBusiestCard(dataset);
    const rec = recording(store.db);
    const server = await serve(rec.db, { RESPONSE_CACHE_MB: '0' });
    const lines = [
      `# npx tsx bench/stage-guard-cost.ts ${LINKS} ${RUNS}${CONTROL ? ' control' : ''} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links. Median of ${RUNS} replays of each question's Cypher calls (ms), alternating`,
      'which side goes first; the answers of both sides compared.',
      '',
      `${'question (calls)'.padEnd(56)} ${'before'.padStart(10)} ${(CONTROL ? 'before' : 'guarded').padStart(10)}  ratio`,
    ];
    const totals = [0, 0];
    try {
      for (const c of cases) {
        const calls: Call[] = await askedCalls(server.url, rec, c);
        const replay = async (read: (name: string, params: Record<string, unknown>) => Promise<Row[]>) => {
          const rows: Row[][] = [];
          for (const [name, params] of calls) rows.push(await read(name, params));
          return rows;
        };
        const [a, b] = await alternately(
          c.field,
          () => replay(before),
          () => replay(CONTROL ? before : (n, p) => store.db.read(n, p)),
          RUNS,
          true,
        );
        totals[0]! += a;
        totals[1]! += b;
        lines.push(ratioRow(`${c.field} (${calls.length})`, 56, a, b));
        console.error(lines.at(-1));
      }
    } finally {
      await server.close();
    }
    lines.push('', ratioRow('sum of the medians', 56, totals[0]!, totals[1]!));
    console.log(lines.join('\n'));
  } finally {
    await driver.close();
    await store.stop();
  }
}

benchMain(main);
