// What kept versions (#29.1, docs/versioning.md: retired links, records' versions, retired records) cost the
// current-time queries and the store, side by side in one run: two scratch stores get the same generated graph; one
// keeps only it ("no history"), the other then takes re-imports that each change a tenth of the links and a tenth of
// the organisations' names, and a few single-link edits ("with history"). The same current-time queries are then
// timed on both, alternately (which store goes first alternates too), so that the machine's noise falls on both; and
// the elements and bytes each write added are reported. `npx tsx bench/recorded-cost.ts [links] [rounds] [runs]`.
import { upsertRecord } from '../server/curation/curate.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import type { Database } from '../server/db/index.js';
import { roundOfChanges } from './bench-cases.js';
import { bytesUnder, startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const ROUNDS = Number(process.argv[3] ?? 4);
const RUNS = Number(process.argv[4] ?? 11);
const EDITOR = { name: 'bench editor', role: 'editor' as const };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(db: Database, query: string, params: Record<string, unknown>): Promise<number> {
  const t = performance.now();
  await db.read(query, params);
  return performance.now() - t;
}

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const plain = await startScratchStore('bench-recorded-plain');
  const kept = await startScratchStore('bench-recorded-history');
  const asOf = new Date().toISOString().slice(0, 10);
  const platform = dataset.organizations.find((o) => o.kind === 'platform')!;
  const vendor = dataset.organizations.find((o) => o.kind === 'vendor')!;
  const task = dataset.tasks[0]!;
  const pool = dataset.workerPools[0]!;
  const queries: [string, string, Record<string, unknown>][] = [
    [
      'cascade (depth 3, a platform)',
      'cascade',
      { rootId: platform.id, direction: 'BOTH', maxDepth: 3, asOf, limit: 500, edgeLimit: 2000, withSources: true },
    ],
    ['provenance (a task)', 'provenance', { taskId: task.id, asOf }],
    [
      'whoWorksFor (a pool)',
      'who-works-for',
      { workerPoolId: pool.id, asOf, maxDepth: 12, withOrganizationSources: true, withPathSources: true },
    ],
    [
      'workforceBehind (a platform)',
      'workforce-behind',
      { organizationId: platform.id, asOf, maxDepth: 12, withSources: false },
    ],
  ];
  const census = async (db: Database, dataDir: string) => {
    const [row] = await db.read('graph-size');
    const [retired] = await db.read('bench-retired-links');
    const [versions] = await db.read('bench-record-versions');
    return {
      links: Number(row!.links),
      retired: Number(retired!.retired),
      versions: Number(versions!.versions),
      retiredRecords: Number(versions!.retired),
      bytes: bytesUnder(dataDir),
    };
  };
  try {
    for (const s of [plain, kept]) {
      await s.db.applySchema();
      await importDataset(s.db, dataset, { author: 'bench' });
    }
    const before = await census(kept.db, kept.dataDir);
    const rounds: string[] = [];
    let previous = before;
    for (let r = 1; r <= ROUNDS; r++) {
      await importDataset(kept.db, roundOfChanges(dataset, r), { author: 'bench' });
      const now = await census(kept.db, kept.dataDir);
      rounds.push(
        `re-import ${r}: ${now.retired - previous.retired} links retired, ${now.versions - previous.versions} record versions, ${now.bytes - previous.bytes} bytes on disk`,
      );
      previous = now;
    }
    const edits: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const since of ['2020', '2021']) {
        await upsertRecord(kept.db, EDITOR, {
          dataset: 'curated',
          section: 'links',
          argument: 'link',
          reason: 'bench',
          fields: {
            id: `bench-sc-${i}`,
            type: 'SUBCONTRACTS_FOR',
            from: vendor.id,
            to: platform.id,
            since,
            sources: ['gen-src'],
          },
        });
      }
      const now = await census(kept.db, kept.dataDir);
      edits.push(
        `edit ${i + 1} (a link made, then changed): ${now.retired - previous.retired} retired, ${now.links - previous.links} current added`,
      );
      previous = now;
    }
    const after = await census(kept.db, kept.dataDir);
    const [last] = await kept.db.read('change-at', { at: new Date().toISOString() });
    const seq = Number(last!.seq);

    console.log(
      `\nkept versions, ${LINKS} generated links, ${ROUNDS} re-imports each changing a tenth of the links and of the organisations:`,
    );
    console.log(`store with history, before: ${before.links} links, ${before.bytes} bytes`);
    for (const line of [...rounds, ...edits]) console.log(line);
    console.log(
      `store with history, after: ${after.links} links, ${after.retired} retired links, ${after.versions} record versions, ${after.retiredRecords} retired records, ${after.bytes} bytes`,
    );
    console.log(`store without history: ${(await census(plain.db, plain.dataDir)).bytes} bytes`);
    console.log(`\nmedian of ${RUNS}, alternating (ms)   no history   with history   ratio   recordedAt now (history)`);
    for (const [label, query, params] of queries) {
      // Plans and caches warmed on both stores first.
      for (const s of [plain, kept]) for (let i = 0; i < 2; i++) await once(s.db, query, params);
      await once(kept.db, `${query}-recorded`, { ...params, seq });
      const a: number[] = [];
      const b: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (i % 2 === 0) {
          a.push(await once(plain.db, query, params));
          b.push(await once(kept.db, query, params));
        } else {
          b.push(await once(kept.db, query, params));
          a.push(await once(plain.db, query, params));
        }
        c.push(await once(kept.db, `${query}-recorded`, { ...params, seq }));
      }
      const [ma, mb, mc] = [median(a), median(b), median(c)];
      console.log(
        `${label.padEnd(32)} ${ma.toFixed(1).padStart(10)} ${mb.toFixed(1).padStart(14)} ${(mb / ma).toFixed(2).padStart(6)}x ${mc.toFixed(1).padStart(12)}`,
      );
    }
  } finally {
    await plain.stop();
    await kept.stop();
  }
}

benchMain(main);
