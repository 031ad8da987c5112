// Verdict keeping on a store's first load (real Neo4j): into a store that holds no record, every claim is judged without
// looking for what the write changed (a first load of a million links read all of it back into Node's memory, which ran
// out); a later import reads what it changed from its own stamps in the store (verdict-change-footprint.cypher), never
// the dataset's state. Verdicts are those of the audit either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Transaction } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset } from '../../server/dataset/index.js';
import { auditClaims } from '../../server/audit/audit-service.js';
import { readConfig } from '../../server/config.js';
import { datasetFile } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;

/** `db`, writing down the name of every query its transactions run. */
function recording(base: Database): { db: Database; names: string[] } {
  const names: string[] = [];
  const wrap = (tx: Transaction): Transaction => ({
    run: (name, params) => {
      names.push(name);
      return tx.run(name, params);
    },
    beforeCommit: (hook) => tx.beforeCommit(hook),
  });
  return { db: { ...base, transaction: (work, options) => base.transaction((tx) => work(wrap(tx)), options) }, names };
}

const reads = (names: string[], name: string) => names.filter((n) => n === name).length;

/** Every claim's kept verdict, by claim id. */
async function kept(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { claimId } of await db.read('verdict-kept-claims')) {
    const [row] = await db.read('verdict-kept', { claimId });
    out[String(claimId)] = String(row?.verdict);
  }
  return out;
}

beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('verdicts kept on a first load and after it (real Neo4j)', () => {
  const dataset = datasetFile(FIXTURES.illustrative);

  it('judges every claim on a first load into an empty store, without reading the dataset back after the write', async () => {
    const first = recording(db);
    await importDataset(first.db, dataset, { author: 'tester' });
    expect(reads(first.names, 'verdict-change-footprint')).toBe(0);
    expect(reads(first.names, 'verdict-dataset-state')).toBe(0);
    const verdicts = await kept();
    const audited = await auditClaims(db, {
      organizationId: null,
      claimId: null,
      asOf: new Date().toISOString().slice(0, 10),
      minPoolSize: readConfig().minPoolSize,
    });
    expect(dataset.claims.length).toBeGreaterThan(2);
    expect(Object.keys(verdicts).sort()).toEqual(dataset.claims.map((c) => c.id).sort());
    for (const a of audited.audits) expect(verdicts[a.claim.id], a.claim.id).toBe(a.verdict);
  });

  it("reads a later import's changes from what it stamped, never the dataset's state", async () => {
    const again = recording(db);
    const changed = structuredClone(dataset);
    changed.links[0]!.note = 'changed by the test';
    await importDataset(again.db, changed, { author: 'tester' });
    expect(reads(again.names, 'verdict-change-footprint')).toBe(1);
    expect(reads(again.names, 'verdict-dataset-state')).toBe(0);
  });
});
