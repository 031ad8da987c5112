// What an import or a removal changed, as verdict keeping reads it (real Neo4j): from what the change stamped in the store
// (verdict-change-footprint.cypher), not from the dataset's state read into the server before and after the write. For
// a run of imports and a removal (records renamed, links moved, dropped and noted, a claim reworded, a pay report moved
// to another pool, a wage reference changed), the footprint holds everything the comparison of the two states finds,
// and every kept verdict is the audit's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import type { Dataset } from '../../format/model.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset, removeDataset } from '../../server/dataset/index.js';
import { generateDataset } from '../../server/dataset/generate-dataset.js';
import { auditClaims } from '../../server/audit/audit-service.js';
import {
  addDatasetDiff,
  addFootprint,
  nothingTouched,
  stateRows,
  type StateRow,
  type Touched,
} from '../../server/audit/verdict-anchors.js';
import { readConfig } from '../../server/config.js';
import { datasetFile, validDataset } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;

async function state(dataset: string): Promise<StateRow[]> {
  return stateRows(await db.read('verdict-dataset-state', { dataset }));
}

/** What comparing the dataset's state before and after finds, and what the change's footprint says, for one write. */
async function bothWays(
  dataset: string,
  write: () => Promise<{ seq: number }>,
): Promise<{ diff: Touched; footprint: Touched }> {
  const before = await state(dataset);
  const { seq } = await write();
  const diff = nothingTouched();
  addDatasetDiff(diff, before, await state(dataset));
  const footprint = nothingTouched();
  addFootprint(footprint, await db.read('verdict-change-footprint', { seq, dataset }));
  return { diff, footprint };
}

function expectCovers(footprint: Touched, diff: Touched): void {
  for (const id of diff.anchors) expect(footprint.anchors, `anchor ${id}`).toContain(id);
  for (const id of diff.claims) expect([...footprint.claims], `claim ${id}`).toContain(id);
  if (diff.wage) expect(footprint.wage).toBe(true);
}

async function expectKeptVerdictsAreTheAudits(atLeast: number): Promise<void> {
  const kept: Record<string, string> = {};
  for (const { claimId } of await db.read('verdict-kept-claims')) {
    const [row] = await db.read('verdict-kept', { claimId });
    kept[String(claimId)] = String(row?.verdict);
  }
  const audited = await auditClaims(db, {
    organizationId: null,
    claimId: null,
    asOf: new Date().toISOString().slice(0, 10),
    minPoolSize: readConfig().minPoolSize,
  });
  expect(audited.audits.length).toBeGreaterThanOrEqual(atLeast);
  expect(Object.keys(kept).sort()).toEqual(audited.audits.map((a) => a.claim.id).sort());
  for (const a of audited.audits) expect(kept[a.claim.id], a.claim.id).toBe(a.verdict);
}

const imported = (d: Dataset) => async () => (await importDataset(db, d, { author: 'tester' })).change!;

beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe("an import's footprint, as verdict keeping reads it (real Neo4j)", () => {
  const generated = validDataset(generateDataset({ links: 1500, seed: 7 }), 'generated dataset');
  const illustrative = datasetFile(FIXTURES.illustrative);
  const wages = datasetFile(FIXTURES.wageReferences);

  it('covers what a first import of each dataset writes', async () => {
    await importDataset(db, generated, { author: 'tester' });
    for (const d of [illustrative, wages]) {
      const { diff, footprint } = await bothWays(d.id, imported(d));
      expect(diff.anchors.size + diff.claims.size).toBeGreaterThan(0);
      expectCovers(footprint, diff);
    }
    await expectKeptVerdictsAreTheAudits(10);
  }, 120_000);

  it('covers renamed records, moved, dropped and noted links, a reworded claim and a pay report moved to another pool', async () => {
    const changed = structuredClone(illustrative);
    changed.organizations[1]!.name = `${changed.organizations[1]!.name} (renamed)`;
    changed.links[0]!.note = 'noted by the test';
    const moved = changed.links.find((l) => l.type === 'CONTRACTED_BY')!;
    moved.to = changed.organizations.find((o) => o.id !== moved.to)!.id;
    const dropped = changed.links.find((l) => l.type === 'SUBCONTRACTS_FOR')!;
    changed.links = changed.links.filter((l) => l !== dropped);
    changed.claims[0]!.text = `${changed.claims[0]!.text} (reworded)`;
    const pay = changed.payReports![0]!;
    pay.pool = changed.workerPools.find((p) => p.id !== pay.pool)!.id;
    const { diff, footprint } = await bothWays(changed.id, imported(changed));
    for (const id of [moved.from, moved.to, dropped.from, dropped.to, pay.pool, changed.organizations[1]!.id])
      expect(diff.anchors, id).toContain(id);
    expect([...diff.claims]).toContain(changed.claims[0]!.id);
    expectCovers(footprint, diff);
    await expectKeptVerdictsAreTheAudits(10);
  }, 120_000);

  it('covers a re-import of a generated graph that changes a tenth of it and drops some links', async () => {
    const changed = structuredClone(generated);
    changed.links.forEach((l, i) => {
      if (i % 10 === 3) l.note = 'changed by the test';
    });
    changed.organizations.forEach((o, i) => {
      if (i % 10 === 3) o.name = `${o.name} (changed)`;
    });
    changed.links = changed.links.filter((_, i) => i % 37 !== 5);
    const { diff, footprint } = await bothWays(changed.id, imported(changed));
    expect(diff.anchors.size).toBeGreaterThan(100);
    expectCovers(footprint, diff);
    await expectKeptVerdictsAreTheAudits(10);
  }, 120_000);

  it('covers a changed wage reference (the wage table) and the removal of a dataset', async () => {
    const changed = structuredClone(wages);
    changed.wageReferences![0]!.amount += 1;
    const wage = await bothWays(changed.id, imported(changed));
    expect(wage.diff.wage).toBe(true);
    expectCovers(wage.footprint, wage.diff);
    const removal = await bothWays(illustrative.id, async () => (await removeDataset(db, illustrative.id)).change);
    expect(removal.diff.claims.size).toBeGreaterThan(5);
    expectCovers(removal.footprint, removal.diff);
    await expectKeptVerdictsAreTheAudits(1);
  }, 120_000);
});
