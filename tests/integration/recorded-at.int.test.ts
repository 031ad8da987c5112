// "As recorded on" (#29.1–2, links) against a real Neo4j: an import, an edit and a dataset removal made after moment T
// are invisible in whoWorksFor, provenance and cascade with `recordedAt: T` and visible without it; the answer at T is
// the answer the store gave when it held only what was recorded up to T (hold-out: taken then, compared later); a
// re-import that changes nothing retires nothing, and one that changes a link retires exactly that link.
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importDataset, removeDataset, validateDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

let store: Database;
let token = '';
let seededAt = '';
const api = useSeededServer(async (db) => {
  store = db;
  seededAt = (await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.at;
  token = await createToken(db, 'recorded editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

/** Reads the store the way anyone with Bolt access could: counts of retired links (not visible through the API). */
async function retiredLinks(): Promise<number> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    const { records } = await driver.executeQuery(
      "MATCH ()-[r]->() WHERE type(r) STARTS WITH 'WAS_' RETURN count(r) AS n",
    );
    return Number(records[0]!.get('n'));
  } finally {
    await driver.close();
  }
}

// Both axes together: the moderation chain's client link ends in 2023, so the world is read on a day it held.
const POOL = 'ex-pool-mg-moderators';
const TASK = 'ex-task-moderation';
const ROOT = 'ex-modero';
const WHO = `query($id: ID!, $at: DateTime) { whoWorksFor(workerPoolId: $id, asOf: "2023-06-01", recordedAt: $at) { organization { id } depth ultimate } }`;
const PROV = `query($id: ID!, $at: DateTime) { provenance(taskId: $id, asOf: "2023-06-01", recordedAt: $at) {
  endCustomers { id } depth subgraph { nodes { id } edges { id type from to since } } } }`;
const CASCADE = `query($id: ID!, $at: DateTime) { cascade(rootId: $id, maxDepth: 3, asOf: "2023-06-01", recordedAt: $at) {
  nodes { id } edges { id type from to since } } }`;

/** The three answers, as plain data to compare. */
async function answers(at?: string) {
  const vars = (id: string) => ({ id, at: at ?? null });
  const who = ok(await api.query(WHO, vars(POOL))).whoWorksFor;
  const prov = ok(await api.query(PROV, vars(TASK))).provenance;
  const cascade = ok(await api.query(CASCADE, vars(ROOT))).cascade;
  return { who, prov, cascade };
}
const orgsOf = (a: Awaited<ReturnType<typeof answers>>) =>
  (a.who as { organization: { id: string } }[]).map((b) => b.organization.id).sort();
const edgeIds = (a: Awaited<ReturnType<typeof answers>>) =>
  (a.cascade.edges as { id: string }[]).map((e) => e.id).sort();

/** Dataset B (fictional): the moderation client working for MegaCorp, both asserted as the fixture says them (so that its removal releases them, and keeps its retired link reachable). */
function datasetB() {
  const checked = validateDataset({
    format: 'deep-labour/v1',
    id: 'recorded-b',
    name: 'Recorded-at test: a holding (fictional)',
    sources: [{ id: 'rec-b-src', title: 'Test note (fictional)', type: 'other', date: '2024-01-15' }],
    organizations: [
      { id: 'ex-socialnet', name: 'SocialNet', kind: 'end-customer', country: 'US', sources: ['rec-b-src'] },
      { id: 'ex-megacorp', name: 'MegaCorp Assist', kind: 'end-customer', country: 'US', sources: ['rec-b-src'] },
    ],
    links: [
      { id: 'rec-b-up', type: 'SUBCONTRACTS_FOR', from: 'ex-socialnet', to: 'ex-megacorp', sources: ['rec-b-src'] },
    ],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.dataset;
}

const UPSERT_LINK = `mutation($link: LinkInput!, $reason: String!) { upsertLink(link: $link, reason: $reason) { change { id at } } }`;

describe('recordedAt (links as recorded)', () => {
  it('a re-import that changes nothing retires nothing', async () => {
    const before = await retiredLinks();
    await importDataset(store, datasetFile(FIXTURES.illustrative));
    expect(await retiredLinks()).toBe(before);
  });

  it('hides an import, an edit and a removal made after T, and shows each without recordedAt', async () => {
    const atT = await answers();
    // T is the seed's change itself: "the last change at or before T" is that one.
    expect(await answers(seededAt)).toEqual(atT);
    expect(orgsOf(atT)).not.toContain('ex-megacorp');

    // An import after T.
    const imported = await importDataset(store, datasetB());
    const afterImport = await answers();
    expect(orgsOf(afterImport)).toContain('ex-megacorp');
    expect(edgeIds(afterImport)).toContain('rec-b-up');
    expect(await answers(seededAt)).toEqual(atT);
    const t1 = imported.change!.at;
    expect(await answers(t1)).toEqual(afterImport);

    // An edit after T: a new link and a changed one (the client's link to the holding gets a start date).
    const edit = (link: Record<string, unknown>, reason: string) =>
      api.query(UPSERT_LINK, { link, reason }, { authorization: `Bearer ${token}` });
    ok(
      await edit(
        { id: 'rec-edit-up', type: 'SUBCONTRACTS_FOR', from: ROOT, to: 'ex-retailmax', sources: ['ex-src-scenario'] },
        'the scenario names the order',
      ),
    );
    const retiredBeforeEdit = await retiredLinks();
    const edited = ok(
      await edit(
        {
          id: 'rec-edit-up',
          type: 'SUBCONTRACTS_FOR',
          from: ROOT,
          to: 'ex-retailmax',
          since: '2021',
          sources: ['ex-src-scenario'],
        },
        'the order began in 2021',
      ),
    ).upsertLink.change;
    expect(await retiredLinks()).toBe(retiredBeforeEdit + 1);
    const afterEdit = await answers();
    expect(orgsOf(afterEdit)).toContain('ex-retailmax');
    expect(
      (afterEdit.cascade.edges as { id: string; since: string | null }[]).find((e) => e.id === 'rec-edit-up'),
    ).toMatchObject({ since: '2021' });
    expect(await answers(seededAt)).toEqual(atT);
    expect(await answers(t1)).toEqual(afterImport);
    const t2 = edited.at as string;
    expect(await answers(t2)).toEqual(afterEdit);

    // A removal after T: B's link leaves the store's current answers, not the recorded ones.
    await removeDataset(store, 'recorded-b');
    const afterRemoval = await answers();
    expect(orgsOf(afterRemoval)).not.toContain('ex-megacorp');
    expect(edgeIds(afterRemoval)).not.toContain('rec-b-up');
    expect(await answers(seededAt)).toEqual(atT);
    expect(await answers(t2)).toEqual(afterEdit);
    expect(edgeIds(await answers(t2))).toContain('rec-b-up');
    // Three writes and a dozen rounds of three heavy reads: minutes on a busy machine.
  }, 600_000);

  it('refuses a moment before the first change, and a moment that is not one, changing nothing', async () => {
    const early = await api.query(WHO, { id: POOL, at: '2001-01-01T00:00:00Z' });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/before the store's first recorded change/);
    const bad = await api.query(WHO, { id: POOL, at: '2026-12-04' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/DateTime must be an ISO 8601 date and time with an offset/);
  });
});
