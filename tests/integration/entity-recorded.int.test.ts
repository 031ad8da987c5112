// `entity` and `entities` as recorded (recordedAt) against a real Neo4j: a saved view's details panel must show the
// entity as the store held it at the view's moment, not as it is now. An edit, a source's correction, an addition and
// a retraction made after moment T are each invisible at T and visible at their own moment; an answer taken at T is
// compared, later, with what recordedAt T gives (hold-out).
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importDataset, validateDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

let token = '';
let seededAt = '';
let store: Database;
const api = useSeededServer(async (db) => {
  store = db;
  seededAt = (await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.at;
  token = await createToken(db, 'recorded details editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const edit = async (query: string, variables: Record<string, unknown>): Promise<string> =>
  Object.values(ok(await api.query(query, variables, { authorization: `Bearer ${token}` })))[0].change.at as string;

const FIELDS = `__typename id name kind sources { id title }
  ... on Organization { country aliases }
  ... on WorkerPool { size sizeSuppressed }
  ... on Task { unitPayEur paySuppressed }`;
const ENTITY = `query($id: ID!, $at: DateTime) { entity(id: $id, recordedAt: $at) { ${FIELDS} } }`;
const SEARCH = `query($text: String!, $at: DateTime) { search(text: $text, recordedAt: $at) { id name } }`;
const ENTITIES = `query($ids: [ID!]!, $at: DateTime) { entities(ids: $ids, recordedAt: $at) { ${FIELDS} } }`;
const UPSERT_ENTITY = `mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "recorded-at test") { change { at } } }`;
const UPSERT_SOURCE = `mutation($s: SourceInput!) { upsertSource(source: $s, reason: "recorded-at test") { change { at } } }`;
const RETRACT = `mutation($id: ID!) { retract(id: $id, reason: "recorded-at test") { change { at } } }`;

const entityAt = async (id: string, at: string | null = null) => ok(await api.query(ENTITY, { id, at })).entity;
const entitiesAt = async (ids: string[], at: string | null = null) =>
  ok(await api.query(ENTITIES, { ids, at })).entities as { id: string; name: string }[];

const ORG = 'ex-taskora';
const TASK = 'ex-task-moderation';
const NEW = 'rec-details-new-org';

describe('entity and entities as recorded (recordedAt)', () => {
  it('shows each record as it was at each moment: edits, a source corrected, an addition and a retraction after T', async () => {
    // Hold-out: the answers at T, taken before anything changes.
    const orgAtT = await entityAt(ORG);
    const taskAtT = await entityAt(TASK);
    expect(await entityAt(ORG, seededAt)).toEqual(orgAtT);
    expect(await entityAt(TASK, seededAt)).toEqual(taskAtT);
    expect(orgAtT.sources.length).toBeGreaterThan(0);
    const sourceId = orgAtT.sources[0].id as string;

    // After T: the organisation renamed and given an alias; its source's title corrected.
    const renamedAt = await edit(UPSERT_ENTITY, {
      e: { id: ORG, kind: orgAtT.kind, name: 'Taskora (renamed in test)', aliases: ['Tskr'] },
    });
    const sourceAt = await edit(UPSERT_SOURCE, {
      s: { id: sourceId, title: 'A corrected title (test)', type: 'other' },
    });
    // A new organisation, then its retraction.
    const addedAt = await edit(UPSERT_ENTITY, {
      e: { id: NEW, kind: 'vendor', name: 'Recorded Details Vendor (fictional)', country: 'FR' },
    });
    const retractedAt = await edit(RETRACT, { id: NEW });

    // Now: every change shows.
    const now = await entityAt(ORG);
    expect(now.name).toBe('Taskora (renamed in test)');
    expect(now.aliases).toEqual(['Tskr']);
    expect(now.sources.find((s: { id: string }) => s.id === sourceId).title).toBe('A corrected title (test)');
    expect(await entityAt(NEW)).toBeNull();

    // At T: the answer taken then, whole (its name, aliases, country and its source's old title).
    expect(await entityAt(ORG, seededAt)).toEqual(orgAtT);
    expect(await entityAt(TASK, seededAt)).toEqual(taskAtT);
    expect(await entityAt(NEW, seededAt)).toBeNull();
    // At each change: that change and those before it, none after.
    const atRename = await entityAt(ORG, renamedAt);
    expect(atRename.name).toBe('Taskora (renamed in test)');
    expect(atRename.sources.find((s: { id: string }) => s.id === sourceId).title).toBe(
      orgAtT.sources.find((s: { id: string }) => s.id === sourceId).title,
    );
    expect((await entityAt(ORG, sourceAt)).sources.find((s: { id: string }) => s.id === sourceId).title).toBe(
      'A corrected title (test)',
    );
    expect(await entityAt(NEW, sourceAt)).toBeNull();
    expect(await entityAt(NEW, addedAt)).toMatchObject({
      id: NEW,
      name: 'Recorded Details Vendor (fictional)',
      kind: 'vendor',
      country: 'FR',
    });
    // At its retraction: gone (and before it, above, found though retracted since).
    expect(await entityAt(NEW, retractedAt)).toBeNull();

    // entities: the order asked, ids nothing held then left out.
    expect((await entitiesAt([NEW, TASK, ORG], addedAt)).map((e) => [e.id, e.name])).toEqual([
      [NEW, 'Recorded Details Vendor (fictional)'],
      [TASK, taskAtT.name],
      [ORG, 'Taskora (renamed in test)'],
    ]);
    expect((await entitiesAt([NEW, TASK, ORG], seededAt)).map((e) => [e.id, e.name])).toEqual([
      [TASK, taskAtT.name],
      [ORG, orgAtT.name],
    ]);
    expect((await entitiesAt([NEW, ORG])).map((e) => e.id)).toEqual([ORG]);
  });

  it("reads a worker pool's pay reports as recorded: a report corrected, one moved to another pool and one added after T", async () => {
    /** A fictional dataset: two pools, a task and pay reports; `later` is the same dataset corrected after T. */
    const payDataset = (later: boolean) => {
      const src = ['rp-src'];
      const report = (id: string, pool: string, min: number, max: number, extra: Record<string, unknown> = {}) => ({
        id,
        pool,
        min,
        max,
        currency: 'EUR',
        unit: 'hour',
        reportedBy: 'workers',
        sources: src,
        ...extra,
      });
      const checked = validateDataset({
        format: 'deep-labour/v1',
        id: 'recorded-pay',
        name: 'Recorded pay test (fictional)',
        sources: [{ id: 'rp-src', title: 'Pay test note (fictional)', type: 'other', date: '2024-01-15' }],
        organizations: [
          { id: 'rp-platform', name: 'Paywork (fictional)', kind: 'platform', country: 'FR', sources: src },
        ],
        workerPools: [
          { id: 'rp-pool', name: 'Pay test labellers (fictional)', country: 'FR', size: 50, sources: src },
          { id: 'rp-other', name: 'Pay test raters (fictional)', country: 'FR', size: 60, sources: src },
        ],
        tasks: [{ id: 'rp-task', name: 'Pay test boxes (fictional)', kind: 'annotation', sources: src }],
        payReports: [
          report('rp-r1', 'rp-pool', 3.1, later ? 4.6 : 4.2, { task: 'rp-task' }),
          report('rp-r2', later ? 'rp-other' : 'rp-pool', 7.3, 8.9),
          ...(later ? [report('rp-r3', 'rp-pool', 5.5, 5.5)] : []),
        ],
        links: [
          { type: 'WORKS_ON', from: 'rp-pool', to: 'rp-platform', sources: src },
          { type: 'WORKS_ON', from: 'rp-other', to: 'rp-platform', sources: src },
          { type: 'PERFORMED_BY', from: 'rp-task', to: 'rp-pool', sources: src },
        ],
      });
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      return checked.dataset;
    };
    const PAY = `query($id: ID!, $at: DateTime) { entity(id: $id, recordedAt: $at) { id ... on WorkerPool { pay { id reported taskName sources { id } } } } }`;
    const PROV = `query($at: DateTime) { provenance(taskId: "rp-task", recordedAt: $at) { workerPools { id pay { id reported } } } }`;
    const payAt = async (id: string, at: string | null = null) => ok(await api.query(PAY, { id, at })).entity.pay;
    const provAt = async (at: string | null = null) => ok(await api.query(PROV, { at })).provenance;

    const t1 = (await importDataset(store, payDataset(false))).change!.at;
    const [poolAtT1, otherAtT1, provAtT1] = [await payAt('rp-pool'), await payAt('rp-other'), await provAt()];
    expect(poolAtT1.map((r: { id: string }) => r.id)).toEqual(['rp-r1', 'rp-r2']);
    expect(poolAtT1[0].taskName).toBe('Pay test boxes (fictional)');
    expect(otherAtT1).toEqual([]);

    await importDataset(store, payDataset(true));
    const now = await payAt('rp-pool');
    expect(now.map((r: { id: string }) => r.id)).toEqual(['rp-r1', 'rp-r3']);
    expect(JSON.stringify(now)).toContain('4.6');
    expect((await payAt('rp-other')).map((r: { id: string }) => r.id)).toEqual(['rp-r2']);

    // At T1, after the correction: what the store said then, whole.
    expect(await payAt('rp-pool', t1)).toEqual(poolAtT1);
    expect(await payAt('rp-other', t1)).toEqual(otherAtT1);
    expect(await provAt(t1)).toEqual(provAtT1);
    expect(JSON.stringify(await provAt())).toContain('rp-r3');
  });

  it('finds an organisation by an identifier it had at a moment, as it was then, and not by one it got later', async () => {
    // Fictional identifiers, given to a fictional organisation of the fixture and then changed.
    const [A, B] = ['LEI:969500ABCDEFGHIJ1234', 'LEI:969500ZYXWVUTSRQ9876'];
    const ID = 'ex-datavolt';
    const kind = (await entityAt(ID)).kind as string;
    expect(await entityAt(A)).toBeNull();
    const gaveAt = await edit(UPSERT_ENTITY, {
      e: { id: ID, kind, name: 'DataVolt Identified (test)', identifiers: [{ scheme: 'LEI', id: A.slice(4) }] },
    });
    // Hold-out: the answers then, by identifier and by search.
    const then = await entityAt(A);
    expect(then).toMatchObject({ id: ID, name: 'DataVolt Identified (test)' });
    const searchThen = ok(await api.query(SEARCH, { text: A, at: null })).search;
    expect(searchThen).toEqual([{ id: ID, name: 'DataVolt Identified (test)' }]);

    await edit(UPSERT_ENTITY, {
      e: { id: ID, kind, name: 'DataVolt Renamed (test)', identifiers: [{ scheme: 'LEI', id: B.slice(4) }] },
    });
    expect(await entityAt(A)).toBeNull();
    expect(await entityAt(B)).toMatchObject({ id: ID, name: 'DataVolt Renamed (test)' });
    // As recorded: found by the identifier it had, as it was; not by the one it got later, nor before it had one.
    expect(await entityAt(A, gaveAt)).toEqual(then);
    expect(await entityAt(B, gaveAt)).toBeNull();
    expect(await entityAt(A, seededAt)).toBeNull();
    expect(ok(await api.query(SEARCH, { text: A, at: gaveAt })).search).toEqual(searchThen);
    expect(ok(await api.query(SEARCH, { text: B, at: gaveAt })).search).toEqual([]);

    // A new organisation with an identifier, then retracted: found by it as recorded before, as it was; not after.
    const C = 'LEI:969500RETIREDTEST0042';
    const RETIRED = 'rec-identifier-retired-org';
    const addedAt = await edit(UPSERT_ENTITY, {
      e: {
        id: RETIRED,
        kind: 'vendor',
        name: 'Retired Identified (fictional)',
        country: 'FR',
        identifiers: [{ scheme: 'LEI', id: C.slice(4) }],
      },
    });
    const added = await entityAt(C);
    expect(added).toMatchObject({ id: RETIRED, name: 'Retired Identified (fictional)' });
    const retractedAt = await edit(RETRACT, { id: RETIRED });
    expect(await entityAt(C)).toBeNull();
    expect(await entityAt(C, addedAt)).toEqual(added);
    expect(await entityAt(C, retractedAt)).toBeNull();
  });

  it('refuses a moment before the first change, saying so', async () => {
    const early = await api.query(ENTITY, { id: ORG, at: '2001-01-01T00:00:00Z' });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/before the store's first recorded change/);
  });
});
