// One curation edit with a small and a large curated dataset, by the whole-dataset path (the reference) and the scoped
// one, side by side on one scratch store (#30.1: the large within 1.3x of the small). Used by run-bench.ts and edit-cost.ts.
import { journaled, type Database } from '../server/db/index.js';
import { importInto, validateDataset, type Dataset } from '../server/dataset/index.js';
import { upsertRecord } from '../server/curation/curate.js';
import { setEditPath, type EditPath } from '../server/curation/edit-scope.js';
import { startScratchStore } from './scratch-store.js';

export interface EditTiming {
  /** Records the curated dataset holds before the edit (organisations, links and one source). */
  records: number;
  path: EditPath;
  /** One upsertLink (a correction of one link's price), median and each run, in ms. */
  medianMs: number;
  runsMs: number[];
}

const EDITOR = { name: 'bench editor', role: 'editor' as const };

/** A curated dataset of about `records` records: one source, organisations, and a chain of links between them. */
export function curatedOf(records: number): Dataset {
  const orgs = Math.max(2, Math.ceil(records / 2));
  const links = Math.max(0, records - orgs - 1);
  const doc = {
    format: 'deep-labour/v1',
    id: 'curated',
    name: 'Curated: curated',
    sources: [{ id: 'bench-src', title: 'Bench source (generated)', type: 'other' }],
    organizations: Array.from({ length: orgs }, (_, i) => ({
      id: `bench-org-${i}`,
      name: `Bench organisation ${i}`,
      kind: i % 2 ? 'vendor' : 'platform',
      country: 'FR',
      sources: ['bench-src'],
    })),
    workerPools: [],
    tasks: [],
    aiProducts: [],
    links: Array.from({ length: links }, (_, i) => ({
      id: `bench-link-${i}`,
      type: 'SUBCONTRACTS_FOR',
      from: `bench-org-${(i + 1) % orgs}`,
      to: `bench-org-${i % orgs}`,
      since: '2020',
      sources: ['bench-src'],
    })),
    claims: [],
  };
  const checked = validateDataset(doc);
  if (!checked.ok)
    throw new Error(`bench: the generated curated dataset is not valid: ${checked.problems[0]?.message}`);
  return checked.dataset;
}

/** Writes `dataset` as the store's curated dataset, the way edits write it (the import code, origin curation). */
async function seed(db: Database, dataset: Dataset): Promise<void> {
  await db.autoCommit('delete-everything');
  await journaled(db, dataset.id, 'bench-seed', undefined, (tx) => importInto(tx, dataset, { origin: 'curation' }));
}

/** Times one upsertLink `runs` times per path and size, on its own scratch store. */
export async function benchEdits(
  sizes: number[],
  runs: number,
  log: (line: string) => void = () => {},
): Promise<EditTiming[]> {
  const store = await startScratchStore('bench-edits');
  const { db } = store;
  const out: EditTiming[] = [];
  const before = setEditPath('scoped');
  try {
    await db.applySchema();
    let n = 0;
    for (const records of sizes) {
      await seed(db, curatedOf(records));
      log(`edits: curated dataset of ${records} records written`);
      const edit = async (path: EditPath) => {
        setEditPath(path);
        n += 1;
        const t0 = performance.now();
        await upsertRecord(db, EDITOR, {
          dataset: 'curated',
          section: 'links',
          argument: 'link',
          reason: 'bench',
          fields: {
            id: 'bench-edited',
            type: 'SUBCONTRACTS_FOR',
            from: 'bench-org-1',
            to: 'bench-org-0',
            since: '2021',
            pricePerUnitEur: n / 100,
            sources: ['bench-src'],
          },
        });
        return performance.now() - t0;
      };
      // The first edit adds the link and takes the store's verdict baseline; the ones timed correct its price.
      await edit('reference');
      for (const path of ['reference', 'scoped'] as const) {
        await edit(path);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await edit(path));
        const sorted = [...times].sort((a, b) => a - b);
        const t = {
          records,
          path,
          medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10,
          runsMs: times.map((x) => Math.round(x * 10) / 10),
        };
        log(`edits: ${records} records, ${path}: ${t.medianMs} ms (median of ${runs})`);
        out.push(t);
      }
    }
  } finally {
    setEditPath(before);
    await store.stop();
  }
  return out;
}

/** The table the bench prints: each path's median per size, and the largest size over the smallest. */
export function editLines(timings: EditTiming[]): string[] {
  const lines = ['one curation edit (upsertLink), median ms:'];
  const sizes = [...new Set(timings.map((t) => t.records))];
  for (const path of ['reference', 'scoped'] as const) {
    const row = sizes.map((s) => timings.find((t) => t.records === s && t.path === path)!);
    lines.push(
      `  ${(path === 'reference' ? 'whole dataset (reference)' : 'scoped').padEnd(26)} ${row.map((t) => `${t.records} records: ${t.medianMs} ms`).join(', ')}${row.length > 1 ? `; ${(row.at(-1)!.medianMs / row[0]!.medianMs).toFixed(2)}x` : ''}`,
    );
  }
  return lines;
}
