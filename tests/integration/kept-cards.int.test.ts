// Scorecard indicators kept between changes, against a real Neo4j: every organisation's card read from the kept one
// equals the card computed again; after random edits (links added and moved, contracts, task pay, pool countries,
// retractions), each card kept before the edit is either dropped by it or still equal to computing again; a day
// across a link's start or end, another small-group threshold, or a change written meanwhile computes again; a
// card is kept per day asked, at most eight days per organisation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { scorecardOf, type ScorecardParts } from '../../server/audit/audit-service.js';
import { CARD_FORMULA, cardCounts, cardsKept } from '../../server/audit/kept-cards.js';
import { readConfig } from '../../server/config.js';
import { generateDataset } from '../../server/dataset/generate-dataset.js';
import { retractRecord, upsertRecord } from '../../server/curation/curate.js';
import { importValid, validDataset } from '../support/load-dataset.js';
import { onTestStore } from '../support/on-test-store.js';
import { useSeededServer } from '../support/test-server.js';

let store: Database;
const GENERATED = validDataset(generateDataset({ links: 1500, seed: 11 }));
useSeededServer(async (db) => {
  store = db;
  await importValid(db, GENERATED, 'generated dataset');
});

const ORGS = GENERATED.organizations.map((o) => o.id);
const POOLS = GENERATED.workerPools.map((p) => p.id);
const TASKS = GENERATED.tasks.map((t) => t.id);
const LINKS = GENERATED.links.map((l) => l.id);
const MIN_POOL = readConfig().minPoolSize;
const today = () => new Date().toISOString().slice(0, 10);
/** What the explorer asks: indicators with how many evidence links each has, not the links. */
const CARD: ScorecardParts = { indicators: true, evidence: false, audits: false };
const EDITOR = { name: 'kept cards test', role: 'editor' as const };

/** Every organisation's card as answered (kept when it holds) and computed again; returns how many were kept. */
async function compareAll(asOf: string, minPoolSize = MIN_POOL): Promise<number> {
  const before = cardCounts.kept;
  for (const id of ORGS) {
    const answered = await scorecardOf(store, id, asOf, minPoolSize, CARD);
    const computed = await scorecardOf(store, id, asOf, minPoolSize, { ...CARD, judgeAgain: true });
    expect(answered.indicators, `${id} on ${asOf}`).toEqual(computed.indicators);
  }
  await cardsKept(store);
  return cardCounts.kept - before;
}

type Edit =
  | { op: 'subcontract'; n: number; from: string; to: string }
  | { op: 'contract'; n: number; pool: string; org: string; price: number }
  | { op: 'task'; task: string; pay: number; minutes: number }
  | { op: 'pool'; pool: string; country: string; size: number }
  | { op: 'retract'; id: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('subcontract' as const),
    n: fc.nat(3),
    from: fc.constantFrom(...ORGS),
    to: fc.constantFrom(...ORGS),
  }),
  fc.record({
    op: fc.constant('contract' as const),
    n: fc.nat(3),
    pool: fc.constantFrom(...POOLS),
    org: fc.constantFrom(...ORGS),
    price: fc.constantFrom(0.01, 0.5, 3),
  }),
  fc.record({
    op: fc.constant('task' as const),
    task: fc.constantFrom(...TASKS),
    pay: fc.constantFrom(0.001, 0.2),
    minutes: fc.constantFrom(1, 30),
  }),
  fc.record({
    op: fc.constant('pool' as const),
    pool: fc.constantFrom(...POOLS),
    country: fc.constantFrom('KE', 'MG', 'FR'),
    size: fc.constantFrom(3, 500),
  }),
  fc.record({
    op: fc.constant('retract' as const),
    id: fc.constantFrom(...LINKS, ...POOLS.slice(0, 5), ...ORGS.slice(-5)),
  }),
);

async function apply(e: Edit): Promise<void> {
  const link = (fields: Record<string, unknown>) =>
    upsertRecord(store, EDITOR, { dataset: 'curated', section: 'links', fields, reason: 'test', argument: 'link' });
  const entity = (section: 'tasks' | 'workerPools', fields: Record<string, unknown>) =>
    upsertRecord(store, EDITOR, { dataset: 'curated', section, fields, reason: 'test', argument: 'entity' });
  try {
    if (e.op === 'subcontract' && e.from !== e.to)
      await link({ id: `kc-sc-${e.n}`, type: 'SUBCONTRACTS_FOR', from: e.from, to: e.to, since: '2020' });
    if (e.op === 'contract')
      await link({ id: `kc-cb-${e.n}`, type: 'CONTRACTED_BY', from: e.pool, to: e.org, pricePerUnitEur: e.price });
    if (e.op === 'task') {
      const t = GENERATED.tasks.find((x) => x.id === e.task)!;
      await entity('tasks', { ...t, unitPayEur: e.pay, minutesPerUnit: e.minutes });
    }
    if (e.op === 'pool') {
      const p = GENERATED.workerPools.find((x) => x.id === e.pool)!;
      await entity('workerPools', { ...p, country: e.country, size: e.size });
    }
    if (e.op === 'retract') await retractRecord(store, EDITOR, { id: e.id, reason: 'test' });
  } catch (error) {
    // A refused edit (a record already retracted, a link to one) changes nothing: the cards must still hold.
    if (!(error instanceof Error)) throw error;
  }
}

describe('scorecard indicators kept between changes', { timeout: 900_000 }, () => {
  it('a card is kept after it is computed, then read kept, equal to computing it again', async () => {
    expect(await compareAll(today())).toBe(0);
    expect(await compareAll(today())).toBe(new Set(ORGS).size);
    const [cards] = await onTestStore('MATCH (k:KeptCard) RETURN count(k) AS n, min(size(k.reads)) AS least');
    expect(Number(cards!.n)).toBe(new Set(ORGS).size);
    // Each reads at least its organisation.
    expect(Number(cards!.least)).toBeGreaterThan(0);
  });

  it('a day across a link start or end, another small-group threshold, or another formula computes again', async () => {
    await compareAll(today());
    expect(await compareAll('2019-06-01')).toBe(0);
    // A card is kept for each day asked: 2019's answer 2019, today's still answer today.
    expect(await compareAll('2019-06-01')).toBe(new Set(ORGS).size);
    expect(await compareAll(today())).toBe(new Set(ORGS).size);
    expect(await compareAll(today(), MIN_POOL + 1)).toBe(0);
    await onTestStore('MATCH (k:KeptCard) SET k.formula = $other', { other: `not-${CARD_FORMULA}` });
    expect(await compareAll(today())).toBe(0);
  });

  it('keeps at most the eight days kept last of an organisation', async () => {
    const id = ORGS[0]!;
    const [{ seq }] = (await onTestStore('MATCH (c:ChangeCounter) RETURN c.seq AS seq')) as [{ seq: unknown }];
    const years = Array.from({ length: 10 }, (_, i) => 2010 + i);
    for (const year of years) {
      const params = { organizationId: id, minPoolSize: MIN_POOL, seq, formula: CARD_FORMULA, facts: '{}' };
      const { rows } = await store.write('card-keep', { ...params, asOf: `${year}-03-01` });
      expect(rows[0]?.kept).toBe(true);
    }
    const days = await onTestStore('MATCH (k:KeptCard {organizationId: $id}) RETURN k.keptOn AS day ORDER BY day', {
      id,
    });
    expect(days.map((d) => d.day)).toEqual(years.slice(2).map((y) => `${y}-03-01`));
    await onTestStore('MATCH (k:KeptCard {organizationId: $id}) DELETE k', { id });
  });

  it('is not kept when a change was written after it was read', async () => {
    const id = ORGS[0]!;
    await onTestStore('MATCH (k:KeptCard) DELETE k');
    const [{ seq }] = (await onTestStore('MATCH (c:ChangeCounter) RETURN c.seq AS seq')) as [{ seq: unknown }];
    await upsertRecord(store, EDITOR, {
      dataset: 'curated',
      section: 'organizations',
      fields: { id: 'kc-alone', name: 'Linked To Nothing (test)', kind: 'vendor', country: 'FR' },
      reason: 'test',
      argument: 'entity',
    });
    const kept = await store.write('card-keep', {
      organizationId: id,
      asOf: today(),
      minPoolSize: MIN_POOL,
      seq,
      formula: CARD_FORMULA,
      facts: '{}',
    });
    expect(kept.rows).toEqual([]);
    expect(await onTestStore('MATCH (k:KeptCard) RETURN k')).toEqual([]);
  });

  it('drops a card whose records have ids full of quotes, backslashes and Lucene operators', async () => {
    const org = 'kc "odd" \\ org*? AND (x)';
    const pool = 'kc pool ~1 OR "p"';
    const entity = (section: 'organizations' | 'workerPools', fields: Record<string, unknown>) =>
      upsertRecord(store, EDITOR, { dataset: 'curated', section, fields, reason: 'test', argument: 'entity' });
    await entity('organizations', { id: org, name: 'Odd Ids Platform (test)', kind: 'platform', country: 'FR' });
    await entity('workerPools', { id: pool, name: 'Odd Ids Pool (test)', country: 'FR', size: 40 });
    await upsertRecord(store, EDITOR, {
      dataset: 'curated',
      section: 'links',
      fields: { id: 'kc-odd-works', type: 'WORKS_ON', from: pool, to: org },
      reason: 'test',
      argument: 'link',
    });
    const card = async () => (await scorecardOf(store, org, today(), MIN_POOL, CARD)).indicators;
    await card();
    await cardsKept(store);
    const countries = async () => (await card()).find((i) => i.id === 'workforce-countries')!.value;
    expect(await countries()).toBe('FR');
    const kept = cardCounts.kept;
    await entity('workerPools', { id: pool, name: 'Odd Ids Pool (test)', country: 'MG', size: 40 });
    // The edit dropped the card: it is computed again, and says MG.
    expect(await countries()).toBe('MG');
    expect(cardCounts.kept).toBe(kept);
  });

  it('after random edits, every card kept before them was dropped or still equals computing it again', async () => {
    let dropped = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        // Every card kept, then the edits, then each answered (kept if it survived) against computed again.
        await compareAll(today());
        const before = cardCounts.dropped;
        for (const e of edits) await apply(e);
        dropped += cardCounts.dropped - before;
        await compareAll(today());
      }),
      { numRuns: 8, seed: 20261206 },
    );
    // The edits dropped cards, and some cards outlived edits that did not concern them.
    expect(dropped).toBeGreaterThan(0);
    const [cards] = await onTestStore('MATCH (k:KeptCard) RETURN count(k) AS n');
    expect(Number(cards!.n)).toBeGreaterThan(0);
  });
});
