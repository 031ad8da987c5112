// A dataset's own records and links, as removals, re-imports, the evidence digest and curation find them (real Neo4j):
// through the index on records' `datasets`, the Assertions of shared records and each file's own records' links
// (dataset-records and dataset-links.cypher.fragment), not by reading every record and link of the store. Three fictional datasets that share records and
// links are imported, re-imported, trimmed and removed in turn; after each step every dataset's own records and links
// are those whose `datasets` name it, read by a scan of the whole store (verdict-dataset-state.cypher), and the write's
// footprint as verdict keeping reads it holds every record and link end whose state the write changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { importDataset, removeDataset, type Dataset } from '../../server/dataset/index.js';
import { addDatasetDiff, addFootprint, nothingTouched, stateRows } from '../../server/audit/verdict-anchors.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { minimalVariant, sharingDatasets } from '../fixtures/sharing-datasets.js';
import { upsertRecord } from '../../server/curation/curate.js';

let db: Database;

/** What the fragments find: record ids and link keys (TYPE:id), sorted. */
async function found(dataset: string): Promise<string[]> {
  const records = await db.read('dataset-records', { dataset });
  const links = await db.read('dataset-links', { dataset });
  const evidence = await db.read('evidence-dataset', { dataset });
  const keys = [
    ...records.map((r) => String((r.props as { id: string }).id)),
    ...links.map((l) => `${String(l.type)}:${String((l.props as { id: string }).id)}`),
  ].sort();
  // The evidence digest's list holds the same records, and at least the same links.
  const digest = evidence[0] as { records: string[]; links: { type: string; id: string }[] };
  expect([...digest.records].sort()).toEqual(records.map((r) => String((r.props as { id: string }).id)).sort());
  const digestLinks = new Set(digest.links.map((l) => `${l.type}:${l.id}`));
  for (const l of links) expect(digestLinks).toContain(`${String(l.type)}:${String((l.props as { id: string }).id)}`);
  return keys;
}

/** What a scan of every record and link finds: those whose `datasets` name it. */
async function scanned(dataset: string): Promise<string[]> {
  return stateRows(await db.read('verdict-dataset-state', { dataset }))
    .map((r) => r.key)
    .sort();
}

async function expectSame(datasets: string[]): Promise<void> {
  for (const id of datasets) expect(await found(id), id).toEqual(await scanned(id));
}

beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe("a dataset's own records and links, found in indexes (real Neo4j)", () => {
  const { a, b, c } = sharingDatasets('Own');
  // A curated dataset (an editor's link between two of the files' records) may link records it does not assert.
  const all = [a.id, b.id, c.id, 'curated'];

  it('are those a scan finds, through imports, re-imports, trims and removals of datasets that share them', async () => {
    // Each write: then every dataset's own are the scan's, and what verdict keeping reads as the write's footprint
    // (verdict-change-footprint.cypher, anchored the same way) holds all that the written dataset's state changed.
    const checked = async (id: string, step: () => Promise<{ change?: { seq: number } | null }>) => {
      const before = await db.read('verdict-dataset-state', { dataset: id });
      const { change } = await step();
      await expectSame(all);
      const diff = nothingTouched();
      addDatasetDiff(diff, stateRows(before), stateRows(await db.read('verdict-dataset-state', { dataset: id })));
      const footprint = nothingTouched();
      addFootprint(footprint, await db.read('verdict-change-footprint', { seq: change!.seq, dataset: id }));
      for (const id of diff.anchors) expect(footprint.anchors, `anchor ${id}`).toContain(id);
      for (const id of diff.claims) expect([...footprint.claims], `claim ${id}`).toContain(id);
    };
    const imported = (d: Dataset) => () => importDataset(db, d, { author: 'tester' });
    const removed = (d: Dataset) => () => removeDataset(db, d.id);
    await checked(a.id, imported(a));
    expect((await found(a.id)).length).toBeGreaterThan(8);
    await checked(b.id, imported(b));
    await checked(c.id, imported(c));
    await checked('curated', () =>
      upsertRecord(db, { name: 'tester', role: 'editor' } as never, {
        dataset: 'curated',
        section: 'links',
        argument: 'link',
        reason: 'the test links two records of the files',
        fields: {
          id: 'l-curated',
          type: 'SUBCONTRACTS_FOR',
          from: 'org-b',
          to: 'org-a',
          since: '2021',
          sources: ['src-1'],
        },
      }),
    );
    expect(await found('curated')).toEqual(['SUBCONTRACTS_FOR:l-curated']);
    // Shared: each of the three asserts the subcontracting link, and only one version is on screen.
    expect(await found(a.id)).toContain('SUBCONTRACTS_FOR:l-sub');
    expect(await found(c.id)).toContain('SUBCONTRACTS_FOR:l-sub');
    await checked(a.id, imported(a));
    const trimmed = minimalVariant('Own B (fictional)', (d) => {
      d.links = d.links.filter((l: { id?: string }) => l.id !== 'l-sub');
      d.claims = [];
    });
    await checked(trimmed.id, imported(trimmed));
    expect(await found(b.id)).not.toContain('SUBCONTRACTS_FOR:l-sub');
    await checked(c.id, removed(c));
    expect(await found(c.id)).toEqual([]);
    await checked(c.id, imported(c));
    await checked(a.id, removed(a));
    await checked(b.id, removed(b));
    await checked('curated', () => removeDataset(db, 'curated'));
    expect(await found('curated')).toEqual([]);
    expect(await found(c.id)).toEqual(await scanned(c.id));
    expect((await found(c.id)).length).toBeGreaterThan(5);
  }, 120_000);
});
