// Scorecards (and audits of an organisation's claims) answered from the verdicts kept at write time, against a real Neo4j: on every organisation of the claims
// test dataset, the fixtures and a generated graph, they equal the verdicts judged again (claims, verdicts,
// explanations, evidence drawn and not); a day across a link's start or end, another small-group threshold, or a
// source gone since judge again; after an import, a removal and an edit they still equal judging again.
import { describe, expect, inject, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadCypherFiles } from '../../server/db/cypher-files.js';
import type { Database } from '../../server/db/index.js';
import { auditClaims, scorecardOf, verdictReads, type ScorecardParts } from '../../server/audit/audit-service.js';
import { readConfig } from '../../server/config.js';
import { FIXTURES, importFixtures } from '../../server/fixtures.js';
import { generateDataset } from '../../server/dataset/generate-dataset.js';
import { removeDataset } from '../../server/dataset/index.js';
import { CurationError, revertChange, upsertRecord } from '../../server/curation/curate.js';

import { DATES_PASSED, keepVerdictsCurrent, rollVerdictDaysNow } from '../../server/audit/verdict-days.js';
import { verdictChangePage } from '../../server/resolvers/verdict-resolvers.js';
import { claimsTestDataset } from '../fixtures/claims-test.js';
import { moderoSubcontractor } from '../fixtures/modero-subcontractor.js';
import { datasetFile, importValid, validDataset } from '../support/load-dataset.js';
import { onTestStore } from '../support/on-test-store.js';
import { useSeededServer } from '../support/test-server.js';

let store: Database;
const GENERATED = generateDataset({ links: 3000, seed: 7 });
useSeededServer(async (db) => {
  store = db;
  await importValid(db, claimsTestDataset(), 'claims test dataset');
  await importFixtures(db);
  await importValid(db, GENERATED, 'generated dataset');
});

const ORGANIZATIONS = [
  ...validDataset(claimsTestDataset()).organizations,
  ...Object.values(FIXTURES).flatMap((path) => datasetFile(path).organizations),
  ...validDataset(GENERATED).organizations,
].map((o) => o.id);
const MIN_POOL = readConfig().minPoolSize;
const today = () => new Date().toISOString().slice(0, 10);
const WITH_EVIDENCE: ScorecardParts = { indicators: false, evidence: false, audits: true, auditEvidence: true };
const IDS_ONLY: ScorecardParts = { indicators: false, evidence: false, audits: true, auditEvidence: false };

/**
 * Every organisation's scorecard verdicts as the explorer asks them (kept verdicts when they hold), and judged again;
 * returns how many organisations with claims the kept verdicts answered, and how many have claims.
 */
async function compareAll(
  asOf: string,
  parts: ScorecardParts,
  minPoolSize = MIN_POOL,
): Promise<{ kept: number; withClaims: number }> {
  let kept = 0;
  let withClaims = 0;
  let claims = 0;
  for (const id of new Set(ORGANIZATIONS)) {
    const before = verdictReads.kept;
    const answered = await scorecardOf(store, id, asOf, minPoolSize, parts);
    const fromKept = verdictReads.kept > before;
    const judged = await scorecardOf(store, id, asOf, minPoolSize, { ...parts, judgeAgain: true });
    expect(answered, `${id} on ${asOf}`).toEqual(judged);
    // The audit field, asked for the same organisation: the same claims, read the same way.
    const q = { organizationId: id, claimId: null, asOf, minPoolSize, withLinks: parts.auditEvidence ?? true };
    expect(await auditClaims(store, q), `audit of ${id} on ${asOf}`).toEqual(
      await auditClaims(store, { ...q, judgeAgain: true }),
    );
    claims += judged.audits.length;
    if (judged.audits.length === 0) continue;
    withClaims += 1;
    if (fromKept) kept += 1;
  }
  // The comparison means something only if claims were judged.
  expect(claims).toBeGreaterThan(30);
  return { kept, withClaims };
}

describe('scorecards answered from kept verdicts', { timeout: 600_000 }, () => {
  it('on the day they were judged, every scorecard reads the kept verdicts, and they equal judging again', async () => {
    for (const parts of [WITH_EVIDENCE, IDS_ONLY]) {
      const { kept, withClaims } = await compareAll(today(), parts);
      expect(kept).toBe(withClaims);
    }
  });

  it('looks for a start or end between two days, and each deciding link by id, with index seeks, never a whole index read', async () => {
    // Planned on this store (3,000 generated links): with `USING INDEX` alone the planner read some of these indexes
    // whole and filtered them (dated-between.cypher.fragment).
    const n = inject('neo4j');
    const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
    try {
      const { summary } = await driver.executeQuery(`EXPLAIN ${loadCypherFiles()('kept-verdicts')}`, {
        organizationId: ORGANIZATIONS[0],
        asOf: today(),
        minPoolSize: neo4j.int(MIN_POOL),
        withLinks: false,
      });
      const dated: string[] = [];
      const byId: string[] = [];
      const walk = (op: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
        const details = String(op.arguments.Details ?? '');
        const type = op.operatorType.replace(/@.*/, '');
        if (/Index/.test(type) && /valid(From|To)/.test(details)) dated.push(type);
        if (/Relationship.*Index/.test(type) && /\(id\)/.test(details)) byId.push(type);
        for (const child of op.children) walk(child as typeof op);
      };
      walk(summary.plan as never);
      expect(dated).toHaveLength(14);
      expect(new Set(dated)).toEqual(new Set(['DirectedRelationshipIndexSeekByRange']));
      // And each deciding link found by id in one seek of its type's index.
      expect(byId).toHaveLength(12);
      for (const type of byId) expect(type).toMatch(/Seek$/);
    } finally {
      await driver.close();
    }
  });

  it('a day across the start or end of a link, or another small-group threshold, judges again', async () => {
    // The generated graph has links that started and ended between 2019 and today.
    expect((await compareAll('2019-06-01', WITH_EVIDENCE)).kept).toBe(0);
    expect((await compareAll(today(), IDS_ONLY, MIN_POOL + 1)).kept).toBe(0);
  });

  it('after an import, an edit and a removal, the scorecards still equal judging again', async () => {
    await importValid(store, moderoSubcontractor('kv', { sourcedLink: false }), 'a subcontractor of Modero');
    const modero = await scorecardOf(store, 'ex-modero', today(), MIN_POOL, WITH_EVIDENCE);
    const claim = modero.audits.find((a) => a.claim.id === 'ex-claim-modero-no-subcontracting');
    expect(claim?.verdict).toBe('CONTRADICTED');
    // The deciding link has no source: the explanation says so, and the kept verdict remembers it.
    expect(claim?.unsourcedEvidence).toBe(1);
    expect((await compareAll(today(), WITH_EVIDENCE)).kept).toBeGreaterThan(0);
    // An edit: a curated link from the same vendor, with a source.
    await upsertRecord(
      store,
      { name: 'kept verdicts test', role: 'editor' },
      {
        dataset: 'curated',
        section: 'links',
        fields: {
          id: 'kv-edit',
          type: 'SUBCONTRACTS_FOR',
          from: 'kv-sub',
          to: 'ex-modero',
          since: '2025',
          sources: ['kv-src'],
        },
        reason: 'test',
        argument: 'link',
      },
    );
    expect((await compareAll(today(), WITH_EVIDENCE)).kept).toBeGreaterThan(0);
    await removeDataset(store, 'kv-subcontractor');
    expect((await compareAll(today(), WITH_EVIDENCE)).kept).toBeGreaterThan(0);
  });
});

describe('kept verdicts as the days pass', { timeout: 600_000 }, () => {
  it('a write first brings verdicts judged on an earlier day to today, and records no change when none changed', async () => {
    // As if every verdict had been judged in 2019: links of the generated graph started and ended since.
    await onTestStore('MATCH (v:Verdict) SET v.judgedOn = $day', { day: '2019-06-01' });
    expect((await compareAll(today(), IDS_ONLY)).kept).toBe(0);
    const newest = await verdictChangePage(store, {
      claimId: null,
      organizationId: null,
      since: null,
      first: 1,
      after: null,
    });
    // A write that touches no claim: an organisation linked to nothing.
    await upsertRecord(
      store,
      { name: 'kept verdicts test', role: 'editor' },
      {
        dataset: 'curated',
        section: 'organizations',
        fields: { id: 'kd-alone', name: 'Linked To Nothing (test)', kind: 'vendor', country: 'FR' },
        reason: 'test',
        argument: 'entity',
      },
    );
    const { kept, withClaims } = await compareAll(today(), IDS_ONLY);
    expect(kept).toBe(withClaims);
    // The verdicts judged for today again are the same: no change of verdict, no change in the history.
    const after = await verdictChangePage(store, {
      claimId: null,
      organizationId: null,
      since: null,
      first: 1,
      after: null,
    });
    expect(after.totalCount).toBe(newest.totalCount);
    const [dates] = await onTestStore('MATCH (c:Change {action: $action}) RETURN count(c) AS n', {
      action: DATES_PASSED,
    });
    expect(Number(dates!.n)).toBe(0);
  });

  it('the server brings them to today when it starts, without a write', async () => {
    await onTestStore('MATCH (v:Verdict) SET v.judgedOn = $day', { day: '2019-06-01' });
    const lines: string[] = [];
    const days = keepVerdictsCurrent(store, { log: (line) => lines.push(line) });
    await days.done();
    days.stop();
    expect(lines).toEqual([
      expect.stringMatching(
        /^server: verdicts brought from 2019-06-01 to \d{4}-\d\d-\d\d: \d+ links started or ended, \d+ claims judged again, 0 verdicts changed$/,
      ),
    ]);
    const { kept, withClaims } = await compareAll(today(), IDS_ONLY);
    expect(kept).toBe(withClaims);
    // Started again: nothing is due, nothing is said.
    const again = keepVerdictsCurrent(store, { log: (line) => lines.push(line) });
    await again.done();
    again.stop();
    expect(lines).toHaveLength(1);
  });

  it("a day past a link's end judges again what it decided, records the change of verdict with its cause, and scorecards read the kept verdicts again", async () => {
    await importValid(
      store,
      moderoSubcontractor('kd', { until: '2029-06-30' }),
      'a subcontractor of Modero until 2029',
    );
    const claim = 'ex-claim-modero-no-subcontracting';
    const now = await scorecardOf(store, 'ex-modero', today(), MIN_POOL, IDS_ONLY);
    expect(now.audits.find((a) => a.claim.id === claim)?.verdict).toBe('CONTRADICTED');
    const later = '2030-01-01';
    // Before the roll, a day past the link's end judges every claim again.
    expect((await compareAll(later, IDS_ONLY)).kept).toBe(0);
    const rolled = await rollVerdictDaysNow(store, later);
    expect(rolled).toMatchObject({ from: today(), to: later });
    expect(rolled!.links).toBeGreaterThan(0);
    expect(rolled!.changed).toBeGreaterThan(0);
    // Every scorecard reads the kept verdicts for that day, and they equal judging again.
    for (const parts of [WITH_EVIDENCE, IDS_ONLY]) {
      const { kept, withClaims } = await compareAll(later, parts);
      expect(kept).toBe(withClaims);
    }
    // The change of verdict names its cause: a `dates-passed` change whose summary names the link that ended.
    const { edges } = await verdictChangePage(store, {
      claimId: claim,
      organizationId: null,
      since: null,
      first: 1,
      after: null,
    });
    const judged = (await scorecardOf(store, 'ex-modero', later, MIN_POOL, { ...IDS_ONLY, judgeAgain: true })).audits;
    expect(edges[0]?.node).toMatchObject({
      old: 'CONTRADICTED',
      new: judged.find((a) => a.claim.id === claim)?.verdict,
      changeId: rolled!.changeId,
    });
    expect(edges[0]!.node.changeSummary).toMatch(/SUBCONTRACTS_FOR kd-sub-modero holds until 2029-06-30/);
    // Nothing is due any more; the change cannot be reverted (it changed no evidence).
    expect(await rollVerdictDaysNow(store, later)).toBeNull();
    await expect(
      revertChange(
        store,
        { name: 'kept verdicts test', role: 'admin' },
        { changeId: rolled!.changeId!, reason: 'test' },
      ),
    ).rejects.toThrow(CurationError);
    await expect(
      revertChange(
        store,
        { name: 'kept verdicts test', role: 'admin' },
        { changeId: rolled!.changeId!, reason: 'test' },
      ),
    ).rejects.toThrow(/links started or ended as the days passed.*nothing to undo/);
  });
});
