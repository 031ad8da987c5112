// What retired links (#29.1, docs/versioning.md) cost the current-time queries and the store: on a generated graph in
// a scratch store, cascade and provenance timed with no history, then again after re-imports that each change a tenth
// of the links (each such link retired once per round) and a few single-link edits, side by side in one run; and the
// elements and bytes each write added. `npx tsx bench/recorded-cost.ts [links] [rounds]`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { upsertRecord } from '../server/curation/curate.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import type { Database } from '../server/db/index.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const ROUNDS = Number(process.argv[3] ?? 4);
const RUNS = 7;
const EDITOR = { name: 'bench editor', role: 'editor' as const };

/** Bytes under a folder (the store's files). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(db: Database, query: string, params: Record<string, unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await db.read(query, params);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-recorded');
  const { db, dataDir } = store;
  const asOf = new Date().toISOString().slice(0, 10);
  const platform = dataset.organizations.find((o) => o.kind === 'platform')!;
  const vendor = dataset.organizations.find((o) => o.kind === 'vendor')!;
  const task = dataset.tasks[0]!;
  const cascade = {
    rootId: platform.id,
    direction: 'BOTH',
    maxDepth: 3,
    asOf,
    limit: 500,
    edgeLimit: 2000,
    withSources: true,
  };
  const provenance = { taskId: task.id, asOf };
  const census = async () => {
    const [row] = await db.read('graph-size');
    const retired = await db.read('bench-retired-links');
    return { links: Number(row!.links), retired: Number(retired[0]!.retired), bytes: bytesUnder(dataDir) };
  };
  try {
    await db.applySchema();
    await importDataset(db, dataset, { author: 'bench' });
    const before = await census();
    // Warm the caches and plans once, then time.
    await timed(db, 'cascade', cascade);
    await timed(db, 'provenance', provenance);
    const cascadeBefore = await timed(db, 'cascade', cascade);
    const provenanceBefore = await timed(db, 'provenance', provenance);

    const rounds: string[] = [];
    let previous = before;
    for (let r = 1; r <= ROUNDS; r++) {
      const changed = structuredClone(dataset);
      changed.links.forEach((l, i) => {
        if (i % 10 === r % 10) l.note = `bench round ${r}`;
      });
      await importDataset(db, changed, { author: 'bench' });
      const now = await census();
      rounds.push(
        `re-import ${r}: ${now.retired - previous.retired} links retired, ${now.bytes - previous.bytes} bytes on disk`,
      );
      previous = now;
    }
    const edits: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const since of ['2020', '2021']) {
        await upsertRecord(db, EDITOR, {
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
      const now = await census();
      edits.push(
        `edit ${i + 1} (a link made, then changed): ${now.retired - previous.retired} retired, ${now.links - previous.links} current added`,
      );
      previous = now;
    }
    await timed(db, 'cascade', cascade);
    await timed(db, 'provenance', provenance);
    const cascadeAfter = await timed(db, 'cascade', cascade);
    const provenanceAfter = await timed(db, 'provenance', provenance);
    const [last] = await db.read('change-at', { at: new Date().toISOString() });
    const cascadeRecorded = await timed(db, 'cascade-recorded', { ...cascade, seq: Number(last!.seq) });
    const provenanceRecorded = await timed(db, 'provenance-recorded', { ...provenance, seq: Number(last!.seq) });
    const after = await census();

    console.log(`\nretired links, ${LINKS} generated links, ${ROUNDS} re-imports each changing a tenth of them:`);
    console.log(`store before: ${before.links} links, ${before.retired} retired, ${before.bytes} bytes`);
    for (const line of [...rounds, ...edits]) console.log(line);
    console.log(`store after: ${after.links} links, ${after.retired} retired, ${after.bytes} bytes`);
    console.log(`median of ${RUNS} (ms)      no history   with history   ratio   recordedAt (now)`);
    console.log(
      `cascade (depth 3)       ${cascadeBefore.toFixed(1).padStart(10)} ${cascadeAfter.toFixed(1).padStart(14)} ${(cascadeAfter / cascadeBefore).toFixed(2).padStart(6)}x ${cascadeRecorded.toFixed(1).padStart(10)}`,
    );
    console.log(
      `provenance              ${provenanceBefore.toFixed(1).padStart(10)} ${provenanceAfter.toFixed(1).padStart(14)} ${(provenanceAfter / provenanceBefore).toFixed(2).padStart(6)}x ${provenanceRecorded.toFixed(1).padStart(10)}`,
    );
  } finally {
    await store.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
