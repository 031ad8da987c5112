// Every claim of every documented dataset, loaded in a real store, gets a verdict from the audit rules, and a SUPPORTED or
// CONTRADICTED verdict rests only on links that cite a source: each verdict can be explained from the sources alone.
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/index.js';
import { CLAIM_RULES } from '../../server/audit/rules/index.js';
import { DOCUMENTED_DATASETS } from '../fixtures/documented-datasets.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';

const AUDIT = `query($claim: ID!) {
  audit(claimId: $claim) { claim { id kind } verdict explanation unsourcedEvidence evidence { edges { id sources { id } } } }
}`;

const datasets = DOCUMENTED_DATASETS.map((entry) => ({ entry, dataset: datasetFile(entry.path) }));
const api = useSeededServer(async (db) => {
  for (const { dataset } of datasets) await importDataset(db, dataset, { author: 'documented datasets test' });
});
const JUDGED = new Set(CLAIM_RULES.map((r) => r.kind));

describe('documented datasets in the store', () => {
  const claims = datasets.flatMap(({ entry, dataset }) =>
    dataset.claims.map((c) => [`${entry.name}: ${c.id}`, c, entry] as const),
  );
  it.each(claims)('%s gets a verdict its sources explain', async (_label, claim, entry) => {
    const r = await api.query(AUDIT, { claim: claim.id });
    expect(r.errors).toBeUndefined();
    const [audit] = r.data!.audit;
    expect(audit.claim.id).toBe(claim.id);
    expect(['SUPPORTED', 'CONTRADICTED', 'UNVERIFIABLE']).toContain(audit.verdict);
    if (!entry.unjudgedClaims?.[claim.id])
      expect(JUDGED.has(audit.claim.kind), `${claim.id} is of kind ${audit.claim.kind}, which no rule judges`).toBe(
        true,
      );
    expect(audit.explanation.length).toBeGreaterThan(0);
    if (audit.verdict !== 'UNVERIFIABLE') {
      expect(audit.unsourcedEvidence).toBe(0);
      expect(audit.evidence.edges.length).toBeGreaterThan(0);
      expect(audit.evidence.edges.filter((e: any) => e.sources.length === 0).map((e: any) => e.id)).toEqual([]);
    }
  });
});
