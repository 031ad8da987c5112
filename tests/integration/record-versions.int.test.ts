// Records' versions (#29.1, docs/versioning.md) against a real Neo4j: every write stamps the records it makes or
// changes with its change's seq (`recFrom`); an edit that changes a record keeps its previous properties as a
// `:Version`, one that changes nothing keeps none; a retraction and a removal retire the record (`:Retired`, its links
// `WAS_<TYPE>`) instead of deleting it; restore and re-import make it anew; and the current answers, the export and
// `verify` read none of it.
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { exportDataset, importDataset, removeDataset, validateDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { evidenceCost } from '../../server/history/evidence-seal.js';
import { verifyEvidence } from '../../server/history/evidence-verify.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

let store: Database;
let token = '';
let seeded = 0;
const api = useSeededServer(async (db) => {
  store = db;
  seeded = Number((await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.seq);
  token = await createToken(db, 'versions editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const asEditor = () => ({ authorization: `Bearer ${token}` });

/** Reads the store the way anyone with Bolt access could (retired records and versions are not visible through the API). */
async function bolt<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    const { records } = await driver.executeQuery(query, params);
    return records.map((r) => r.toObject() as T);
  } finally {
    await driver.close();
  }
}
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The seq of change `id`. */
async function seqOf(id: string): Promise<number> {
  const [row] = await bolt<{ seq: unknown }>('MATCH (c:Change {id: $id}) RETURN c.seq AS seq', { id });
  return Number(row!.seq);
}
/** The current record `id` (null: none), its versions oldest first, and its retired nodes. */
async function history(id: string) {
  const [current] = await bolt<{ props: Record<string, unknown>; labels: string[] }>(
    'MATCH (n:Record {id: $id}) RETURN properties(n) AS props, labels(n) AS labels',
    { id },
  );
  type Row = { props: Record<string, unknown>; labels: string[] };
  const versions = (
    await bolt<Row>(
      'MATCH (:Record|Retired {id: $id})-[:HAD_VERSION]->(v) RETURN properties(v) AS props, labels(v) AS labels ORDER BY v.recTo',
      { id },
    )
  ).map((v) => ({
    ...v,
    props: { ...v.props, recFrom: num(v.props.recFrom), recTo: num(v.props.recTo) } as Record<string, unknown>,
  }));
  const retired = (
    await bolt<{ props: Record<string, unknown>; labels: string[]; links: string[] }>(
      `MATCH (n:Retired {id: $id}) RETURN properties(n) AS props, labels(n) AS labels,
         [(n)-[r]-() WHERE type(r) <> 'HAD_VERSION' | type(r)] AS links ORDER BY n.recTo`,
      { id },
    )
  ).map((r) => ({
    ...r,
    props: { ...r.props, recFrom: num(r.props.recFrom), recTo: num(r.props.recTo) } as Record<string, unknown>,
  }));
  return {
    current: current ? { ...current, props: { ...current.props, recFrom: num(current.props.recFrom) } } : null,
    versions,
    retired,
  };
}
const versionCount = async () => Number((await bolt('MATCH (v:Version) RETURN count(v) AS n'))[0]!.n);

/** What readers see: the export of every current record and link, sorted. */
async function exported() {
  const d = await exportDataset(store);
  const by = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return Object.fromEntries(
    Object.entries(d)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, [...(v as { id: string }[])].sort(by)]),
  );
}
async function verified() {
  const r = await verifyEvidence(store);
  expect(r.mismatches).toEqual([]);
  expect(r.digest).toBe(r.expected);
  return r;
}

const UPSERT_ENTITY = `mutation($entity: EntityInput!, $reason: String!) { upsertEntity(entity: $entity, reason: $reason) { change { id } } }`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retract(id: $id, reason: $reason) { change { id } } }`;
const REVERT = `mutation($id: ID!, $reason: String!) { revert(changeId: $id, reason: $reason) { change { id } } }`;
const ORG_NAME = `query($id: ID!) { entity(id: $id) { id name } }`;
const CASCADE = `query($id: ID!, $depth: Int!, $at: DateTime) { cascade(rootId: $id, maxDepth: $depth, recordedAt: $at) {
  nodes { id name } edges { id } } }`;

/** The cascade around `id`, now or as recorded at `at`: its nodes' names by id and its links' ids. */
async function cascade(id: string, depth: number, at?: string) {
  const c = ok(await api.query(CASCADE, { id, depth, at: at ?? null })).cascade as {
    nodes: { id: string; name: string }[];
    edges: { id: string }[];
  };
  return {
    names: Object.fromEntries(c.nodes.map((n) => [n.id, n.name])),
    edges: c.edges.map((e) => e.id).sort(),
  };
}
/** The moment of the newest change, as the API takes it. */
async function lastMoment(): Promise<string> {
  const [row] = await bolt<{ at: string }>(
    'MATCH (c:Change) WITH c ORDER BY c.seq DESC LIMIT 1 RETURN toString(c.at) AS at',
  );
  return row!.at;
}

/** Dataset B (fictional): a vendor of its own, linked to the fixture's Modero (which B asserts too), and a source. */
function datasetB(note?: string) {
  const checked = validateDataset({
    format: 'deep-labour/v1',
    id: 'versions-b',
    name: 'Versions test: a vendor (fictional)',
    sources: [{ id: 'ver-b-src', title: 'Test note (fictional)', type: 'other', date: '2024-01-15' }],
    organizations: [
      // The fixture's Modero, as this dataset's note says it (released again when B is removed).
      { id: 'ex-modero', name: 'Modero', kind: 'vendor', country: 'MG', sources: ['ver-b-src'] },
      {
        id: 'ver-b-vendor',
        name: 'Vendor Bee (fictional)',
        kind: 'vendor',
        country: 'FR',
        sources: ['ver-b-src'],
        ...(note ? { note } : {}),
      },
    ],
    links: [
      { id: 'ver-b-up', type: 'SUBCONTRACTS_FOR', from: 'ver-b-vendor', to: 'ex-modero', sources: ['ver-b-src'] },
    ],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.dataset;
}

describe("records' versions", () => {
  it('an import stamps its records with its seq; a re-import that changes nothing versions nothing', async () => {
    const before = await history('ex-modero');
    expect(before.current?.props.recFrom).toBe(seeded);
    const versions = await versionCount();
    const again = await importDataset(store, datasetFile(FIXTURES.illustrative));
    expect(await versionCount()).toBe(versions);
    expect((await history('ex-modero')).current).toEqual(before.current);
    expect(Number(again.change!.seq)).toBeGreaterThan(seeded);
    await verified();
  });

  it('an edit that renames an organisation keeps the old name in a version, and a revert keeps the new one', async () => {
    const was = await history('ex-nexa');
    const name = async () => ok(await api.query(ORG_NAME, { id: 'ex-nexa' })).entity.name as string;
    const oldName = await name();
    const versions = await versionCount();
    const t = await lastMoment();
    const atT = await cascade('ex-nexa', 1, t);
    expect(atT.names['ex-nexa']).toBe(oldName);
    const edit = ok(
      await api.query(
        UPSERT_ENTITY,
        {
          entity: {
            id: 'ex-nexa',
            name: 'Nexa Renamed (fictional)',
            kind: 'vendor',
            country: 'FR',
            sources: ['ex-src-scenario'],
          },
          reason: 'renamed',
        },
        asEditor(),
      ),
    ).upsertEntity.change;
    const seq = await seqOf(edit.id);
    expect(await name()).toBe('Nexa Renamed (fictional)');
    const now = await history('ex-nexa');
    expect(now.current?.props.recFrom).toBe(seq);
    expect(now.versions).toHaveLength(was.versions.length + 1);
    const v = now.versions.at(-1)!;
    expect(v.labels).toEqual(['Version']);
    expect(v.props).toMatchObject({
      record: 'ex-nexa',
      name: oldName,
      recFrom: was.current?.props.recFrom,
      recTo: seq,
    });
    expect(v.props).not.toHaveProperty('h');
    expect(v.props.wasLabels).toEqual(expect.arrayContaining(['Record', 'Organization', 'Entity']));
    expect(await versionCount()).toBe(versions + 1);
    await verified();
    // As recorded: at T the old name, now the new one.
    expect(await cascade('ex-nexa', 1, t)).toEqual(atT);
    expect((await cascade('ex-nexa', 1)).names['ex-nexa']).toBe('Nexa Renamed (fictional)');
    expect((await cascade('ex-nexa', 1, await lastMoment())).names['ex-nexa']).toBe('Nexa Renamed (fictional)');

    // The revert is a change of its own: the renamed version is kept too, the old name is current again.
    const revert = ok(await api.query(REVERT, { id: edit.id, reason: 'wrong' }, asEditor())).revert.change;
    expect(await name()).toBe(oldName);
    const back = await history('ex-nexa');
    expect(back.current?.props.recFrom).toBe(await seqOf(revert.id));
    expect(back.versions.at(-1)!.props).toMatchObject({ name: 'Nexa Renamed (fictional)', recFrom: seq });
    await verified();
  }, 300_000);

  it('a retraction retires the record instead of deleting it, and a restore makes it anew', async () => {
    const made = ok(
      await api.query(
        UPSERT_ENTITY,
        {
          entity: {
            id: 'ver-lonely',
            name: 'Lonely Org (fictional)',
            kind: 'vendor',
            country: 'FR',
            sources: ['ex-src-scenario'],
          },
          reason: 'new',
        },
        asEditor(),
      ),
    ).upsertEntity.change;
    const madeSeq = await seqOf(made.id);
    const shown = await exported();
    const retract = ok(await api.query(RETRACT, { id: 'ver-lonely', reason: 'not a real org' }, asEditor())).retract
      .change;
    const seq = await seqOf(retract.id);
    expect(ok(await api.query(ORG_NAME, { id: 'ver-lonely' })).entity).toBeNull();
    const gone = await history('ver-lonely');
    expect(gone.current).toBeNull();
    expect(gone.retired).toHaveLength(1);
    expect(gone.retired[0]!.labels).toEqual(['Retired']);
    expect(gone.retired[0]!.props).toMatchObject({ name: 'Lonely Org (fictional)', recFrom: madeSeq, recTo: seq });
    expect(gone.retired[0]!.props).not.toHaveProperty('h');
    expect(gone.retired[0]!.props.wasLabels).toEqual(expect.arrayContaining(['Record', 'Organization', 'Entity']));
    const after = await exported();
    expect(after.organizations).toEqual(shown.organizations!.filter((o) => o.id !== 'ver-lonely'));
    await verified();

    // Restore: the record comes back as a new node made by the revert; the retired one stays as it was.
    const revert = ok(await api.query(REVERT, { id: retract.id, reason: 'it is real' }, asEditor())).revert.change;
    expect(ok(await api.query(ORG_NAME, { id: 'ver-lonely' })).entity.name).toBe('Lonely Org (fictional)');
    const back = await history('ver-lonely');
    expect(back.current?.props.recFrom).toBe(await seqOf(revert.id));
    expect(back.retired).toHaveLength(1);
    expect((await exported()).organizations).toEqual(shown.organizations);
    await verified();
  }, 300_000);

  it('a removal retires the records no dataset asserts any more with their links; a re-import makes them anew', async () => {
    const shown = await exported();
    const imported = await importDataset(store, datasetB());
    const importSeq = Number(imported.change!.seq);
    const withB = await exported();
    expect(withB.links!.map((l) => l.id)).toContain('ver-b-up');
    // A re-import that changes a record versions exactly it.
    const versions = await versionCount();
    const changed = await importDataset(store, datasetB('now with a note'));
    expect(await versionCount()).toBe(versions + 1);
    expect((await history('ver-b-vendor')).versions.at(-1)!.props).toMatchObject({
      recFrom: importSeq,
      recTo: Number(changed.change!.seq),
    });
    expect((await history('ver-b-vendor')).versions.at(-1)!.props).not.toHaveProperty('note');

    const t = await lastMoment();
    const atT = await cascade('ex-modero', 1, t);
    expect(atT.names['ver-b-vendor']).toBe('Vendor Bee (fictional)');
    expect(atT.edges).toContain('ver-b-up');
    const removal = await removeDataset(store, 'versions-b');
    const seq = Number(removal.change.seq);
    expect(await exported()).toEqual(shown);
    const gone = await history('ver-b-vendor');
    expect(gone.current).toBeNull();
    expect(gone.retired).toHaveLength(1);
    expect(gone.retired[0]!.props).toMatchObject({ recTo: seq, note: 'now with a note' });
    expect(gone.retired[0]!.links).toEqual(['WAS_SUBCONTRACTS_FOR']);
    const [link] = await bolt<{ recTo: unknown }>(
      "MATCH (:Retired {id: 'ver-b-vendor'})-[r:WAS_SUBCONTRACTS_FOR {id: 'ver-b-up'}]->(:Organization {id: 'ex-modero'}) WHERE r.recTo IS NOT NULL RETURN max(r.recTo) AS recTo",
    );
    expect(num(link!.recTo)).toBe(seq);
    expect((await history('ver-b-src')).retired).toHaveLength(1);
    await verified();
    // As recorded: at T the retired vendor and its link are there, now they are not.
    expect(await cascade('ex-modero', 1, t)).toEqual(atT);
    const now = await cascade('ex-modero', 1);
    expect(now.names).not.toHaveProperty('ver-b-vendor');
    expect(now.edges).not.toContain('ver-b-up');

    // The same ids again: new records beside the retired ones.
    const again = await importDataset(store, datasetB());
    expect(await exported()).toEqual(withB);
    const back = await history('ver-b-vendor');
    expect(back.current?.props.recFrom).toBe(Number(again.change!.seq));
    expect(back.retired).toHaveLength(1);
    await verified();
  }, 300_000);

  it('an import writes what it creates with the h of its content, so its seal stamps none of it', async () => {
    const checked = validateDataset({
      format: 'deep-labour/v1',
      id: 'versions-c',
      name: 'Versions test: new records only (fictional)',
      sources: [{ id: 'ver-c-src', title: 'Test note (fictional)', type: 'other', date: '2024-02-01' }],
      organizations: [
        { id: 'ver-c-vendor', name: 'Vendor Sea (fictional)', kind: 'vendor', country: 'FR', sources: ['ver-c-src'] },
        { id: 'ver-c-client', name: 'Client Sea (fictional)', kind: 'client', country: 'FR', sources: ['ver-c-src'] },
      ],
      workerPools: [
        { id: 'ver-c-pool', name: 'Pool Sea (fictional)', country: 'FR', size: 40, sources: ['ver-c-src'] },
      ],
      links: [
        { id: 'ver-c-up', type: 'SUBCONTRACTS_FOR', from: 'ver-c-vendor', to: 'ver-c-client', sources: ['ver-c-src'] },
        {
          id: 'ver-c-pool-link',
          type: 'CONTRACTED_BY',
          from: 'ver-c-pool',
          to: 'ver-c-vendor',
          sources: ['ver-c-src'],
          note: 'line one\nline two',
        },
      ],
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const stamped = evidenceCost.stamped;
    const imported = await importDataset(store, checked.dataset);
    expect(imported.created).toEqual({ records: 4, links: 2 });
    // Every element was read back by the seal and hashed to the h it was written with: a mismatch would be stamped, and counted.
    expect(evidenceCost.stamped - stamped).toBe(0);
    const [pool] = await bolt<{ h: unknown }>("MATCH (p:WorkerPool {id: 'ver-c-pool'}) RETURN p.h AS h");
    expect(pool!.h).toMatch(/^[0-9a-f]{64}$/);
    await verified();
  }, 300_000);
});
