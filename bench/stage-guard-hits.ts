// What the stage guard adds to the work of every read (#30.3, docs/versioning.md, "Reads and writes while an import is
// staged"), counted rather than timed, so that the machine's noise does not enter: each of the benchmark's GraphQL
// questions is asked once through the server and its Cypher calls recorded, then each call is profiled (Neo4j's
// PROFILE: the database hits of every operator of the plan) as the query alone and with the guard before it, on one
// scratch store with the generated graph. `npx tsx bench/stage-guard-hits.ts [links]`.
import neo4j from 'neo4j-driver';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { loadCypherFiles, loadCypherFragments } from '../server/db/cypher-files.js';
import { casesWithBusiestCard } from './bench-cases.js';
import { askedCalls, recording, serve } from './query-bench.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);

interface Profile {
  dbHits?: number;
  children?: Profile[];
}
/** The database hits of a profiled plan, every operator's. */
const hits = (p: Profile): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((sum, c) => sum + hits(c), 0);

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-stage-guard-hits');
  const { uri, user, password } = store.connection;
  const driver = neo4j.driver(uri, user ? neo4j.auth.basic(user, password ?? '') : undefined);
  const cypher = loadCypherFiles();
  const guard = loadCypherFragments()['stage-guard']!;
  const profiled = async (text: string, params: Record<string, unknown>): Promise<number> => {
    const sent = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]),
    );
    const { summary } = await driver.executeQuery(`PROFILE ${text}`, sent, { routing: neo4j.routing.READ });
    return hits(summary.profile as Profile);
  };
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    const rec = recording(store.db);
    const server = await serve(rec.db, { RESPONSE_CACHE_MB: '0' });
    const lines = [
      `# npx tsx bench/stage-guard-hits.ts ${LINKS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links. Database hits of each question's Cypher calls, profiled as the query alone and`,
      'with the stage guard before it (the calls that read a kept card or verdicts found one or not as the answer left them).',
      '',
      `${'question'.padEnd(52)} ${'calls'.padStart(5)} ${'alone'.padStart(10)} ${'guarded'.padStart(10)} ${'added'.padStart(6)}`,
    ];
    try {
      for (const c of casesWithBusiestCard(dataset)) {
        const calls = await askedCalls(server.url, rec, c);
        let [alone, guarded] = [0, 0];
        for (const [name, params] of calls) {
          alone += await profiled(cypher(name), params);
          guarded += await profiled(`${guard}\n${cypher(name)}`, params);
        }
        lines.push(
          `${c.field.padEnd(52)} ${String(calls.length).padStart(5)} ${String(alone).padStart(10)} ${String(guarded).padStart(10)} ${String(guarded - alone).padStart(6)}`,
        );
        console.error(lines.at(-1));
      }
    } finally {
      await server.close();
    }
    console.log(lines.join('\n'));
  } finally {
    await driver.close();
    await store.stop();
  }
}

benchMain(main);
