// What an import's evidence seal reads (real Neo4j): the queries that change or delete what the store holds return it
// with the `h` it had before (`touched`), so a re-import names only what it changed, and the seal reads back that, not
// every element the dataset holds. The digest and every element's `h` must stay exactly what `verify` computes from
// the whole store, through the cases a re-import meets: a shared record whose version on screen changes, a record
// renamed, one retired with another dataset's link at it, one that changes kind, a link re-priced, one dropped, new
// records and links, and many left as they were. Fictional datasets throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { importDataset, removeDataset, type Dataset } from '../../server/dataset/index.js';
import { upsertRecord } from '../../server/curation/curate.js';
import { evidenceCost } from '../../server/history/evidence-seal.js';
import { verifyEvidence } from '../../server/history/evidence-verify.js';
import { validDataset } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { minimalDataset } from '../fixtures/minimal-dataset.js';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
  await db.applySchema();
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

const UNCHANGED = 40;

/** The seal's dataset (fictional): the minimal dataset, two vendors, an AI product and 40 sources no version changes. */
function sealA(change: (d: Record<string, any>) => void = () => {}): Dataset {
  const d = minimalDataset();
  d.name = 'Seal A (fictional)';
  d.sources.push(
    ...Array.from({ length: UNCHANGED }, (_, i) => ({
      id: `seal-src-${i}`,
      title: `Note ${i} (fictional)`,
      type: 'other',
    })),
  );
  d.organizations.push(
    { id: 'seal-org-c', name: 'Gamma Vendor', kind: 'vendor', country: 'FR', sources: ['src-1'] },
    { id: 'seal-org-d', name: 'Delta Vendor', kind: 'vendor', country: 'FR', sources: ['src-1'] },
    { id: 'seal-org-e', name: 'Echo Vendor', kind: 'vendor', country: 'FR', sources: ['src-1'] },
  );
  d.aiProducts.push({ id: 'seal-x', name: 'X model', marketedAsFullyAutomated: false, sources: ['src-1'] });
  d.links.push(
    { id: 'seal-l-c', type: 'SUBCONTRACTS_FOR', from: 'seal-org-c', to: 'org-a', sources: ['src-1'] },
    { id: 'seal-l-d', type: 'SUBCONTRACTS_FOR', from: 'seal-org-d', to: 'org-b', sources: ['src-1'] },
  );
  change(d);
  return validDataset(d, d.name);
}

/** Another dataset (fictional): Alpha Platform and Delta Vendor under other names, Beta Client and Delta's link as A has them. */
function sealB(): Dataset {
  const d = minimalDataset();
  d.name = 'Seal B (fictional)';
  d.organizations = [
    { ...d.organizations[0], name: 'Alpha Platform (as B has it)' },
    d.organizations[1],
    { id: 'seal-org-d', name: 'Delta Vendor (as B has it)', kind: 'vendor', country: 'FR', sources: ['src-1'] },
  ];
  d.workerPools = [];
  d.tasks = [];
  d.aiProducts = [];
  d.links = [{ id: 'seal-l-d', type: 'SUBCONTRACTS_FOR', from: 'seal-org-d', to: 'org-b', sources: ['src-1'] }];
  d.claims = [];
  return validDataset(d, d.name);
}

/** The digest and every element's `h` are what `verify` computes from the whole store. */
async function expectVerified(step: string) {
  const r = await verifyEvidence(db);
  expect(r.mismatches, step).toEqual([]);
  expect(r.digest, step).toBe(r.expected);
}

describe("an import's seal reads back what the import changed", () => {
  it('keeps the digest exact through a re-import that changes a few elements, reading back only those', async () => {
    const a = sealA();
    await importDataset(db, a, { author: 'tester' });
    await expectVerified('first import of A');
    await importDataset(db, sealB(), { author: 'tester' });
    await expectVerified("B, asserting three of A's records and a link too");
    // A curated link at a record of A that the next version of A drops: the record's retirement takes it with it.
    await upsertRecord(db, { name: 'tester', role: 'editor' } as never, {
      dataset: 'curated',
      section: 'links',
      argument: 'link',
      reason: 'a curated link at a record A drops later (test)',
      fields: { id: 'seal-l-cur', type: 'SUBCONTRACTS_FOR', from: 'seal-org-e', to: 'org-a', sources: ['src-1'] },
    });
    await expectVerified('the curated link');

    // Unchanged, A again: nothing changes but Alpha Platform and Delta Vendor, whose versions on screen are B's until A
    // asserts them again (the link both assert alike is left as it is).
    const before = evidenceCost.read;
    const again = await importDataset(db, a, { author: 'tester' });
    expect(again.unchanged.records + again.unchanged.links).toBeGreaterThan(UNCHANGED);
    expect(evidenceCost.read - before).toBe(2);
    await expectVerified('A again');

    const changed = sealA((d) => {
      // Delta Vendor and its link dropped (B's versions come back on screen), Echo Vendor dropped (retired).
      d.organizations = d.organizations.filter((o: { id: string }) => !['seal-org-d', 'seal-org-e'].includes(o.id));
      d.links = d.links.filter((l: { id?: string; type: string }) => l.id !== 'seal-l-d' && l.type !== 'FEEDS');
      d.organizations.find((o: { id: string }) => o.id === 'seal-org-c').name = 'Gamma Vendor (renamed)';
      d.links.find((l: { id?: string }) => l.id === 'l-sub').pricePerUnitEur = 0.11;
      // The AI product becomes a vendor of the same id.
      d.aiProducts = d.aiProducts.filter((p: { id: string }) => p.id !== 'seal-x');
      d.organizations.push(
        { id: 'seal-x', name: 'X Vendor', kind: 'vendor', country: 'FR', sources: ['src-1'] },
        { id: 'seal-org-f', name: 'Foxtrot Vendor', kind: 'vendor', country: 'DE', sources: ['src-1'] },
      );
      d.links.push({ id: 'seal-l-f', type: 'SUBCONTRACTS_FOR', from: 'seal-org-f', to: 'org-a', sources: ['src-1'] });
    });
    const read = evidenceCost.read;
    const result = await importDataset(db, changed, { author: 'tester' });
    expect(result.removed).toEqual({ records: 2, links: 1 });
    expect(result.released).toEqual({ records: 1, links: 1 });
    await expectVerified('A changed');
    // Read back: the three records and three links it released or removed (the curated link retired with Echo Vendor
    // among them; X as a vendor is the id the drop named), the renamed vendor, the re-priced link, and the new vendor
    // and link; none of the 40 sources or the other records and links left as they were.
    expect(evidenceCost.read - read).toBe(3 + 3 + 1 + 1 + 2);

    await removeDataset(db, changed.id);
    await expectVerified('A removed');
  }, 120_000);
});
