// Verdicts read without the links' properties (real Neo4j): when no one asks to see the evidence drawn, audit-facts
// sends each link as the few fields the rules read (factLinks) instead of every property with its sources. The verdicts,
// explanations, deciding link ids and unsourced counts must be exactly those of the full read, for every claim of the
// shipped fixtures and of a generated graph, on several dates, as recorded after an earlier change, and through the API.
import { describe, expect, inject, it } from 'vitest';
import { auditClaims, scorecardOf } from '../../server/audit/audit-service.js';
import type { ClaimAuditModel } from '../../server/models/index.js';
import { importFixtures } from '../../server/fixtures.js';
import { importDataset } from '../../server/dataset/index.js';
import { generateDataset } from '../../server/dataset/generate-dataset.js';
import { createDatabase, type Database } from '../../server/db/index.js';
import { loadCypherFiles } from '../../server/db/cypher-files.js';
import { validDataset } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';
import { testDatabase } from '../support/test-database.js';

const generated = validDataset(generateDataset({ links: 2500, seed: 23 }), 'generated dataset');
let firstSeq = 0;
const api = useSeededServer(async (db) => {
  await importFixtures(db);
  firstSeq = (await importDataset(db, generated, { author: 'tester' })).change!.seq;
  const changed = structuredClone(generated);
  changed.links.forEach((l, i) => {
    if (i % 7 === 2) l.disclosedToWorkers = !l.disclosedToWorkers;
    if (i % 11 === 4) l.sources = [];
  });
  await importDataset(db, validDataset(changed, 'changed generated dataset'), { author: 'tester' });
});

/** What a verdict says, whichever way it was read. */
const said = (a: ClaimAuditModel) => ({
  claim: a.claim.id,
  verdict: a.verdict,
  explanation: a.explanation,
  evidence: a.evidenceIds,
  unsourced: a.unsourcedEvidence,
});

const DATES = ['2018-06-01', '2021-01-01', '2023-07-15', new Date().toISOString().slice(0, 10)];

async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await testDatabase();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('verdicts read without the links’ properties (real Neo4j)', () => {
  it('are the full read’s for every claim, on several dates and as recorded after the first import', async () => {
    await withDb(async (db) => {
      let contradicted = 0;
      let unsourced = 0;
      for (const asOf of DATES)
        for (const seq of [undefined, firstSeq]) {
          const q = { organizationId: null, claimId: null, asOf, minPoolSize: 5, ...(seq ? { seq } : {}) };
          const full = (await auditClaims(db, q)).audits;
          const light = (await auditClaims(db, { ...q, withLinks: false })).audits;
          expect(full.length).toBeGreaterThan(30);
          expect(light.map(said), `${asOf} ${seq ?? 'now'}`).toEqual(full.map(said));
          for (const a of full) expect(a.evidence!.edges.map((e) => e.id)).toEqual(a.evidenceIds);
          expect(light.every((a) => a.evidence === null)).toBe(true);
          contradicted += full.filter((a) => a.verdict === 'CONTRADICTED').length;
          unsourced += full.filter((a) => a.unsourcedEvidence > 0).length;
        }
      // The comparison reads what the light list carries: verdicts that turn on links and on their sources.
      expect(contradicted).toBeGreaterThan(10);
      expect(unsourced).toBeGreaterThan(0);
    });
  }, 240_000);

  it('would differ if a rule read a field the light list leaves out (the comparison can fail)', async () => {
    await withDb(async (db) => {
      // The same query with each link's disclosure dropped from the light list: CLIENT_DISCLOSED must notice.
      const files = loadCypherFiles();
      const broken = createDatabase({ ...inject('neo4j'), queryTimeoutMs: 30_000 }, (name) =>
        name === 'audit-facts'
          ? files(name).replace(
              'startNode(l).id, endNode(l).id, l.disclosedToWorkers,',
              'startNode(l).id, endNode(l).id, null,',
            )
          : files(name),
      );
      try {
        const q = { organizationId: null, claimId: null, asOf: DATES[3]!, minPoolSize: 5 };
        const full = (await auditClaims(db, q)).audits.map(said);
        const light = (await auditClaims(broken, { ...q, withLinks: false })).audits.map(said);
        expect(light).not.toEqual(full);
      } finally {
        await broken.close();
      }
    });
  }, 120_000);

  it('give the busiest platform’s scorecard the same verdicts, indicators and counts', async () => {
    await withDb(async (db) => {
      const counts = new Map<string, number>();
      for (const l of generated.links) counts.set(l.to, (counts.get(l.to) ?? 0) + 1);
      const claimed = new Set(generated.claims.map((c) => c.subject));
      const busiest = [...counts].filter(([id]) => claimed.has(id)).sort((a, b) => b[1] - a[1])[0]![0];
      const asOf = DATES[3]!;
      const full = await scorecardOf(db, busiest, asOf, 5, { indicators: true, evidence: false, audits: true });
      const light = await scorecardOf(db, busiest, asOf, 5, {
        indicators: true,
        evidence: false,
        audits: true,
        auditEvidence: false,
      });
      expect(full.audits.length).toBeGreaterThan(0);
      expect(light.audits.map(said)).toEqual(full.audits.map(said));
      expect(light.indicators.map((i) => [i.id, i.value, i.evidenceLinks])).toEqual(
        full.indicators.map((i) => [i.id, i.value, i.evidenceLinks]),
      );
    });
  }, 120_000);

  it('answer the API the same whether or not the evidence is selected', async () => {
    const claims = generated.claims.map((c) => c.subject);
    const org = claims[0]!;
    const lean = `query($o: ID!) { audit(organizationId: $o) { claim { id } verdict explanation unsourcedEvidence }
      scorecard(organizationId: $o) { audits { claim { id } verdict explanation unsourcedEvidence } } }`;
    const drawn = `query($o: ID!) { audit(organizationId: $o) { claim { id } verdict explanation unsourcedEvidence evidence { edges { id } } }
      scorecard(organizationId: $o) { audits { claim { id } verdict explanation unsourcedEvidence evidence { edges { id } } } } }`;
    const a = await api.query(lean, { o: org });
    const b = await api.query(drawn, { o: org });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const strip = (xs: { evidence?: unknown }[]) => xs.map(({ evidence: _, ...rest }) => rest);
    expect(a.data!.audit).toEqual(strip(b.data!.audit as { evidence?: unknown }[]));
    expect((a.data!.scorecard as { audits: unknown[] }).audits).toEqual(
      strip((b.data!.scorecard as { audits: { evidence?: unknown }[] }).audits),
    );
    expect((b.data!.audit as { evidence: { edges: unknown[] } }[]).some((x) => x.evidence.edges.length > 0)).toBe(true);
  }, 120_000);
});
