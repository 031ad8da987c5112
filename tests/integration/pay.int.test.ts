// Pay against a real Neo4j: pay reports, wage references and exchange rates through import, export, re-import and removal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import {
  exportDataset,
  importDataset,
  removeDataset,
  validateDataset,
  type Dataset,
} from '../../server/dataset/index.js';
import { payDataset } from '../fixtures/pay-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;

function valid(doc: unknown): Dataset {
  const v = validateDataset(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.dataset;
}
const byId = <T extends { id: string }>(items: T[] | undefined) =>
  [...(items ?? [])].sort((a, b) => a.id.localeCompare(b.id));
const ids = (items: { id: string }[] | undefined) => (items ?? []).map((x) => x.id).sort();

beforeAll(async () => {
  db = await testDatabase();
});
beforeEach(async () => {
  await resetGraph(db);
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

// The shared machine may be slow: an import of this small dataset has taken 30 s there.
describe('pay in the store', { timeout: 240_000 }, () => {
  it('round-trips JSON → store → JSON: every pay report, reference and rate comes back as it went in', async () => {
    const dataset = valid(payDataset());
    const summary = await importDataset(db, dataset);
    expect(summary.created.records).toBe(dataset.sources.length + 6 + 1 + 7);
    const back = await exportDataset(db);
    expect(byId(back.payReports)).toEqual(byId(dataset.payReports));
    expect(byId(back.wageReferences)).toEqual(byId(dataset.wageReferences));
    expect(byId(back.exchangeRates)).toEqual(byId(dataset.exchangeRates));
    // Importing the export again changes nothing.
    const again = await importDataset(db, back);
    expect(again.created).toEqual({ records: 0, links: 0 });
    expect(again.removed).toEqual({ records: 0, links: 0 });
  });

  it('a re-import without a pay report removes it, and a changed figure replaces the old one', async () => {
    await importDataset(db, valid(payDataset()));
    const doc = payDataset();
    doc.payReports = [{ ...doc.payReports[0], min: 0.02 }, doc.payReports[2]];
    const summary = await importDataset(db, valid(doc));
    expect(summary.removed.records).toBe(1);
    const back = await exportDataset(db);
    expect(back.payReports?.map((p) => [p.id, p.min])).toEqual([
      ['pay-1', 0.02],
      ['pay-small', 2],
    ]);
  });

  it('a reference dataset is imported, replaced and removed on its own; the pay of the other dataset stays', async () => {
    const chain = payDataset();
    const refs = {
      format: 'deep-labour/v1',
      id: 'wage-refs',
      name: 'Wage references (fictional)',
      sources: chain.sources.filter((s: { id: string }) => s.id === 'src-pay'),
      wageReferences: chain.wageReferences,
      exchangeRates: chain.exchangeRates,
    };
    delete chain.wageReferences;
    delete chain.exchangeRates;
    chain.sources = chain.sources.filter((s: { id: string }) => s.id !== 'src-pay');
    chain.sources.push({ id: 'src-pay-chain', title: 'Fictional survey of the chain', type: 'report' });
    for (const p of chain.payReports) p.sources = ['src-pay-chain'];
    await importDataset(db, valid(chain));
    await importDataset(db, valid(refs));
    expect(ids((await exportDataset(db)).wageReferences)).toEqual(['wage-mg-2019-living', 'wage-mg-2019-min']);
    // Replaced by a version holding one reference: the other goes.
    await importDataset(db, valid({ ...refs, wageReferences: [refs.wageReferences[0]] }));
    expect(ids((await exportDataset(db)).wageReferences)).toEqual(['wage-mg-2019-min']);
    await removeDataset(db, 'wage-refs');
    const left = await exportDataset(db);
    expect(left.wageReferences ?? []).toEqual([]);
    expect(left.exchangeRates ?? []).toEqual([]);
    expect(ids(left.payReports)).toEqual(['pay-1', 'pay-2', 'pay-small']);
  });
});
