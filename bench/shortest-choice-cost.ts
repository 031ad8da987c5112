// What naming one chain of several as short costs (ALL SHORTEST, then the chain whose link ids come first), against
// the reference ANY SHORTEST (whichever chain the plan meets first), side by side in one run: one scratch store with a
// generated graph, two database handles on it, one with today's queries and one with the same queries where ALL
// SHORTEST is read ANY SHORTEST (the tie-break left in, which costs little over one path); each question is asked
// of both alternately, and the medians are reported as ratios. `npx tsx bench/shortest-choice-cost.ts [links] [runs]`.
import { scorecardOf } from '../server/audit/audit-service.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { createDatabase, type Database } from '../server/db/index.js';
import { loadCypherFiles } from '../server/db/cypher-files.js';
import { busiestPlatform } from './bench-cases.js';
import { alternately, ratioRow } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 11);
const CHANGED = ['value-chain', 'who-works-for', 'provenance', 'audit-facts'];

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-shortest-choice');
  const files = loadCypherFiles();
  const reference = (name: string) =>
    CHANGED.includes(name) ? files(name).replaceAll('ALL SHORTEST', 'ANY SHORTEST') : files(name);
  const asOf = new Date().toISOString().slice(0, 10);
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    const platform = busiestPlatform(dataset)!;
    const task = dataset.tasks[0]!.id;
    const pool = dataset.workerPools[0]!.id;
    const handles: Record<'today' | 'reference', Database> = {
      today: store.db,
      reference: createDatabase(store.connection, reference),
    };
    const cases: [string, (db: Database) => Promise<unknown>][] = [
      ['valueChain (a task)', (db) => db.read('value-chain', { taskId: task, asOf })],
      [
        'whoWorksFor (a pool)',
        (db) =>
          db.read('who-works-for', {
            workerPoolId: pool,
            asOf,
            maxDepth: 12,
            withOrganizationSources: true,
            withPathSources: true,
          }),
      ],
      ['provenance (a task)', (db) => db.read('provenance', { taskId: task, asOf })],
      [
        `scorecard indicators (busiest platform, ${platform})`,
        (db) => scorecardOf(db, platform, asOf, 5, { indicators: true, evidence: false, audits: false }),
      ],
    ];
    const lines = [
      `# npx tsx bench/shortest-choice-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links; median of ${RUNS} (ms), alternating which handle goes first:`,
      `${'question'.padEnd(58)} ${'ANY (ref)'.padStart(10)} ${'ALL+ids'.padStart(10)} ${'ratio'.padStart(7)}`,
    ];
    for (const [label, ask] of cases) {
      const [ref, now] = await alternately(
        label,
        () => ask(handles.reference),
        () => ask(handles.today),
        RUNS,
      );
      lines.push(ratioRow(label, 58, ref, now));
    }
    await handles.reference.close();
    console.log(lines.join('\n'));
  } finally {
    await store.stop();
  }
}

benchMain(main);
