// A re-import leaves what it says again alone without sending it to the upserts (real Neo4j): `unchanged-records` and
// `unchanged-links` find, just before each batch's upsert and in its transaction, the rows the upsert would leave as
// they are, and only the rest are upserted. The store must end exactly as when every row is upserted: the same sequence
// of imports and removals of fictional datasets (shared records whose version on screen moves between datasets, a
// rename, a re-price, a record changing kind, drops, new records, whole versions said again) is written both ways,
// and after each step the two stores' censuses (every node and link, moments left out) and the import's counts are equal.
import { describe, expect, it } from 'vitest';
import type { Database, Transaction } from '../../server/db/index.js';
import { importDataset, removeDataset, type Dataset, type ImportSummary } from '../../server/dataset/index.js';
import { verifyEvidence } from '../../server/history/evidence-verify.js';
import { validDataset } from '../support/load-dataset.js';
import { storeCensus, type Census } from '../support/store-census.js';
import { resetGraph, useTestDatabase } from '../support/test-database.js';
import { minimalDataset } from '../fixtures/minimal-dataset.js';

const store = useTestDatabase();

/** `base`, counting the rows its transactions send to the upserts, and finding no row unchanged when `skip` is false (every row upserted, as before). */
function counting(base: Database, skip: boolean): { db: Database; upserted: () => number } {
  let upserted = 0;
  const rowsOf = (rows: unknown) =>
    Array.isArray(rows) ? rows.length : Object.values(rows as Record<string, unknown[]>).flat().length;
  const wrap = (tx: Transaction): Transaction => ({
    run: (name, params) => {
      if (name === 'upsert-records' || name === 'upsert-links') upserted += rowsOf(params?.rows);
      if (!skip && (name === 'unchanged-records' || name === 'unchanged-links'))
        return Promise.resolve([{ unchanged: [] }]);
      return tx.run(name, params);
    },
    beforeCommit: (hook) => tx.beforeCommit(hook),
  });
  return {
    db: { ...base, transaction: (work, options) => base.transaction((tx) => work(wrap(tx)), options) },
    upserted: () => upserted,
  };
}

/** Dataset A (fictional): the minimal dataset, two vendors, an AI product and 30 sources most versions leave alone. */
function datasetA(change: (d: Record<string, any>) => void = () => {}): Dataset {
  const d = minimalDataset();
  d.name = 'Unchanged A (fictional)';
  d.sources.push(
    ...Array.from({ length: 30 }, (_, i) => ({ id: `un-src-${i}`, title: `Note ${i} (fictional)`, type: 'other' })),
  );
  d.organizations.push(
    { id: 'un-org-c', name: 'Gamma Vendor', kind: 'vendor', country: 'FR', sources: ['un-src-1'] },
    { id: 'un-org-d', name: 'Delta Vendor', kind: 'vendor', country: 'FR', sources: ['un-src-2'] },
  );
  d.aiProducts.push({ id: 'un-x', name: 'X model', marketedAsFullyAutomated: false, sources: ['src-1'] });
  d.links.push(
    ...Array.from({ length: 12 }, (_, i) => ({
      id: `un-l-${i}`,
      type: 'SUBCONTRACTS_FOR',
      from: i % 2 ? 'un-org-c' : 'un-org-d',
      to: 'org-a',
      pricePerUnitEur: 0.01 * (i + 1),
      sources: [`un-src-${i}`],
    })),
  );
  change(d);
  return validDataset(d, d.name);
}

/** Dataset B (fictional): Alpha Platform under another name, Delta Vendor as A has it, one of A's links alike. */
function datasetB(): Dataset {
  const d = minimalDataset();
  d.name = 'Unchanged B (fictional)';
  d.organizations = [
    { ...d.organizations[0], name: 'Alpha Platform (as B has it)' },
    d.organizations[1],
    { id: 'un-org-d', name: 'Delta Vendor', kind: 'vendor', country: 'FR', sources: ['un-src-2'] },
  ];
  d.sources.push({ id: 'un-src-2', title: 'Note 2 (fictional)', type: 'other' });
  d.workerPools = [];
  d.tasks = [];
  d.aiProducts = [];
  d.links = [
    {
      id: 'un-l-0',
      type: 'SUBCONTRACTS_FOR',
      from: 'un-org-d',
      to: 'org-a',
      pricePerUnitEur: 0.01,
      sources: ['un-src-0'],
    },
  ];
  d.sources.push({ id: 'un-src-0', title: 'Note 0 (fictional)', type: 'other' });
  d.claims = [];
  return validDataset(d, d.name);
}

const changedA = () =>
  datasetA((d) => {
    d.organizations.find((o: { id: string }) => o.id === 'un-org-c').name = 'Gamma Vendor (renamed)';
    d.links.find((l: { id?: string }) => l.id === 'un-l-3').pricePerUnitEur = 0.5;
    d.links = d.links.filter((l: { id?: string }) => l.id !== 'un-l-5');
    d.sources = d.sources.filter((s: { id: string }) => s.id !== 'un-src-29');
    d.aiProducts = d.aiProducts.filter((p: { id: string }) => p.id !== 'un-x');
    d.organizations.push({ id: 'un-x', name: 'X Vendor', kind: 'vendor', country: 'FR', sources: ['src-1'] });
    d.links.push({ id: 'un-l-x', type: 'SUBCONTRACTS_FOR', from: 'un-x', to: 'org-a', sources: ['src-1'] });
  });

type Step = { name: string; write: (db: Database) => Promise<unknown> };
const STEPS: Step[] = [
  { name: 'A first', write: (db) => importDataset(db, datasetA(), { author: 'tester' }) },
  { name: 'A again, alone', write: (db) => importDataset(db, datasetA(), { author: 'tester' }) },
  { name: 'B, sharing with A', write: (db) => importDataset(db, datasetB(), { author: 'tester' }) },
  { name: 'A again, B newer', write: (db) => importDataset(db, datasetA(), { author: 'tester' }) },
  { name: 'A changed', write: (db) => importDataset(db, changedA(), { author: 'tester' }) },
  { name: 'A changed, again', write: (db) => importDataset(db, changedA(), { author: 'tester' }) },
  { name: 'B again', write: (db) => importDataset(db, datasetB(), { author: 'tester' }) },
  { name: 'B removed', write: (db) => removeDataset(db, 'unchanged-b-fictional') },
  { name: 'A back as it was', write: (db) => importDataset(db, datasetA(), { author: 'tester' }) },
];

/** Runs the steps from an empty store, each step's census, counts and rows upserted. */
async function run(skip: boolean): Promise<{ census: Census; counts: unknown; upserted: number }[]> {
  const db = store();
  await resetGraph(db);
  await db.applySchema();
  const out: { census: Census; counts: unknown; upserted: number }[] = [];
  for (const step of STEPS) {
    const c = counting(db, skip);
    const result = (await step.write(c.db)) as Partial<ImportSummary>;
    const { change: _, warnings: __, ...counts } = result;
    const evidence = await verifyEvidence(db);
    expect(evidence.mismatches, step.name).toEqual([]);
    expect(evidence.digest, step.name).toBe(evidence.expected);
    out.push({ census: await storeCensus(db), counts, upserted: c.upserted() });
  }
  return out;
}

describe('a re-import upserts only what it changes (real Neo4j)', () => {
  it('leaves the store as upserting every row does, after every step, sending far fewer rows', async () => {
    expect(datasetB().id).toBe('unchanged-b-fictional');
    const skipping = await run(true);
    const upsertingAll = await run(false);
    STEPS.forEach((step, i) => {
      expect(skipping[i]!.counts, step.name).toEqual(upsertingAll[i]!.counts);
      expect(skipping[i]!.census.nodes, step.name).toEqual(upsertingAll[i]!.census.nodes);
      expect(skipping[i]!.census.links, step.name).toEqual(upsertingAll[i]!.census.links);
    });
    const at = (name: string) => STEPS.findIndex((s) => s.name === name);
    // Said again alone: every row upserted before (A's 40 records and 16 links), none now.
    expect(upsertingAll[at('A again, alone')]!.upserted).toBe(56);
    expect(skipping[at('A again, alone')]!.upserted).toBe(0);
    // What B asserts too (its 6 records and 1 link, all of which A holds) is always upserted: A's version comes back
    // on screen and B's is kept; the rest only when it changed.
    const shared = upsertingAll[at('B, sharing with A')]!.upserted;
    expect(shared).toBe(7);
    expect(skipping[at('A again, B newer')]!.upserted).toBe(shared);
    // Changed: the renamed vendor and the re-priced link beside the shared ones (the new vendor and link are created).
    expect(skipping[at('A changed')]!.upserted).toBe(shared + 2);
    expect(skipping[at('A changed, again')]!.upserted).toBe(shared);
    expect(upsertingAll[at('A changed, again')]!.upserted).toBe(55);
  }, 180_000);
});
