// Verdicts kept at write time against a real Neo4j: an import that adds a contradicting link flips a claim and the change
// of verdict names the import and the link; removing it (an import's undo) and an edit's revert flip it back, recorded
// too; a change that cannot affect a claim judges nothing and records nothing.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { createToken } from '../../server/auth/token-store.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset, removeDataset } from '../../server/dataset/index.js';
import { parseFeed } from '@rowanmanning/feed-parser';
import { startTestServer, useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { datasetFile, validDataset } from '../support/load-dataset.js';
import { moderoSubcontractor } from '../fixtures/modero-subcontractor.js';

const CLAIM = 'ex-claim-modero-no-subcontracting';
const tokens: Record<string, string> = {};
let store: Database;
const api = useSeededServer(async (db) => {
  store = db;
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  tokens.editor = await createToken(db, 'verdict editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const NODE =
  'id claimId claimText subjectId subjectName byId old new at changeId changeSeq changeSummary explanation evidence';
const HISTORY = `query($id: ID!, $first: Int, $after: String) { verdictHistory(claimId: $id, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } } } }`;
const CHANGES = `query($org: ID, $since: String, $first: Int, $after: String) { verdictChanges(organizationId: $org, since: $since, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } }`;
const AUDIT = `query($id: ID!) { audit(claimId: $id) { verdict } }`;
const editor = () => ({ authorization: `Bearer ${tokens.editor}` });

const verdictNow = async () => String(ok(await api.query(AUDIT, { id: CLAIM })).audit[0].verdict);
const history = async () => ok(await api.query(HISTORY, { id: CLAIM, first: 50 })).verdictHistory;
const total = async () => Number(ok(await api.query(CHANGES, { first: 1 })).verdictChanges.totalCount);
const kept = async () => (await store.read('verdict-kept-claims')).length;

// A vendor outside Modero's group that subcontracts for it now: NO_SUBCONTRACTING is then contradicted.
const CONTRADICTING = validDataset(moderoSubcontractor('vt'));

// Generous: integration runs share two cores with other work; nothing here is timed.
describe('verdicts kept at write time', { timeout: 240_000 }, () => {
  it('the fixtures import judged every claim: each has its verdict kept, the same the audit gives', async () => {
    expect(await kept()).toBe(16);
    const [v] = await store.read('verdict-kept', { claimId: CLAIM });
    expect(v?.verdict).toBe(await verdictNow());
  });

  it('an import adding a contradicting link flips the claim; the change of verdict names the import and the link; removing the dataset flips it back', async () => {
    const before = await verdictNow();
    expect(before).not.toBe('CONTRADICTED');
    const count = await total();
    const imported = await importDataset(store, CONTRADICTING, { author: 'test' });
    expect(await verdictNow()).toBe('CONTRADICTED');
    const [flip] = (await history()).edges.map((e: any) => e.node);
    expect(flip).toMatchObject({
      claimId: CLAIM,
      old: before,
      new: 'CONTRADICTED',
      changeId: imported.change!.id,
      changeSeq: imported.change!.seq,
      subjectId: 'ex-modero',
      subjectName: 'Modero',
    });
    expect(flip.evidence).toContain('vt-sub-modero');
    expect(flip.changeSummary).toMatch(/^imported "A subcontractor of Modero/);
    expect(flip.explanation).toMatch(/Sous-Traitance Test/);
    // Only that claim changed; it is in the list of every change of verdict, and in Modero's, not in DataVolt's.
    expect(await total()).toBe(count + 1);
    const modero = ok(await api.query(CHANGES, { org: 'ex-modero', first: 50 })).verdictChanges;
    expect(modero.edges[0].node.id).toBe(flip.id);
    expect(
      ok(await api.query(CHANGES, { org: 'ex-datavolt', first: 50 })).verdictChanges.edges.map((e: any) => e.node.id),
    ).not.toContain(flip.id);

    const removed = await removeDataset(store, 'vt-subcontractor', { author: 'test' });
    expect(await verdictNow()).toBe(before);
    const [back] = (await history()).edges.map((e: any) => e.node);
    expect(back).toMatchObject({ old: 'CONTRADICTED', new: before, changeId: removed.change.id });
    expect(await total()).toBe(count + 2);
  });

  it('an edit adding a contradicting link flips the claim, and its revert flips it back; both recorded with their change', async () => {
    const before = await verdictNow();
    const edit = ok(
      await api.query(
        'mutation($link: LinkInput!) { upsertLink(link: $link, reason: "test: a subcontractor found") { change { id } } }',
        {
          link: {
            id: 'vt-nexa-modero',
            type: 'SUBCONTRACTS_FOR',
            from: 'ex-nexa',
            to: 'ex-modero',
            since: '2024',
            sources: ['ex-src-scenario'],
          },
        },
        editor(),
      ),
    ).upsertLink.change.id as string;
    const [flip] = (await history()).edges.map((e: any) => e.node);
    expect(flip).toMatchObject({ old: before, new: 'CONTRADICTED', changeId: edit });
    expect(flip.evidence).toContain('vt-nexa-modero');
    const revert = ok(
      await api.query(
        'mutation($id: ID!) { revert(changeId: $id, reason: "test: undo") { change { id } } }',
        { id: edit },
        editor(),
      ),
    ).revert.change.id as string;
    const [back] = (await history()).edges.map((e: any) => e.node);
    expect(back).toMatchObject({ old: 'CONTRADICTED', new: before, changeId: revert });
    expect(await verdictNow()).toBe(before);
  });

  it('a change that cannot affect a claim judges nothing and records nothing', async () => {
    const count = await total();
    // A new organisation linked to nothing: no claim's labour-chain neighbourhood holds it.
    ok(
      await api.query(
        'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "test: unrelated") { change { id } } }',
        { e: { id: 'vt-lonely', name: 'Lonely Test Vendor', kind: 'vendor', country: 'DE' } },
        editor(),
      ),
    );
    expect(
      await store.read('verdict-affected', {
        anchors: ['vt-lonely'],
        claimIds: [],
        wage: false,
        wageKinds: [],
        all: false,
      }),
    ).toEqual([]);
    // An edit near a claim that leaves its verdict as it was re-judges it and records nothing either.
    ok(
      await api.query(
        'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "test: a name") { change { id } } }',
        { e: { id: 'ex-modero', name: 'Modero', kind: 'vendor', country: 'MG', aliases: ['Modero MG'] } },
        editor(),
      ),
    );
    expect(
      await store.read('verdict-affected', {
        anchors: ['ex-modero'],
        claimIds: [],
        wage: false,
        wageKinds: [],
        all: false,
      }),
    ).toContainEqual({ id: CLAIM });
    expect(await total()).toBe(count);
  });

  it('pages newest first with cursors and a total; a bad cursor or since is refused with BAD_USER_INPUT', async () => {
    const all = ok(await api.query(CHANGES, { first: 200 })).verdictChanges;
    const first = ok(await api.query(CHANGES, { first: 2 })).verdictChanges;
    expect(first.totalCount).toBe(all.totalCount);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await api.query(CHANGES, { first: 2, after: first.pageInfo.endCursor })).verdictChanges;
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(
      all.edges.slice(0, 4).map((e: any) => e.node.id),
    );
    const bad = await api.query(CHANGES, { first: 2, after: 'nonsense' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.query(CHANGES, { since: 'yesterday' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ok(await api.query(CHANGES, { since: '2999-01-01' })).verdictChanges.totalCount).toBe(0);
  });

  it('the watch feed is valid Atom a feed parser reads: newest change of verdict first, linking to the audit on that day; per organisation too', async () => {
    const newest = ok(await api.query(CHANGES, { first: 1 })).verdictChanges.edges[0].node;
    const res = await fetch(`${api.url}/feeds/verdicts.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseFeed(await res.text());
    expect(feed.meta.type).toBe('atom');
    expect(feed.items[0]!.title).toContain(`→ ${String(newest.new).toLowerCase()} (${newest.claimId})`);
    const link = new URL(feed.items[0]!.url!);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      root: newest.subjectId,
      asOf: newest.at.slice(0, 10),
      hl: `claim:${newest.claimId}`,
    });
    const modero = parseFeed(await (await fetch(`${api.url}/feeds/verdicts.atom?organization=ex-modero`)).text());
    expect(modero.items.length).toBeGreaterThan(0);
    for (const item of modero.items) expect(item.title).toMatch(/^Modero: /);
    const bad = await fetch(`${api.url}/feeds/verdicts.atom?organization=${encodeURIComponent('<script>')}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('with READ_REQUIRES_TOKEN the feed takes a token as the API does', async () => {
    const locked = await startTestServer(store, { READ_REQUIRES_TOKEN: 'true' });
    try {
      const refused = await fetch(`${locked.url}/feeds/verdicts.atom`);
      expect(refused.status).toBe(401);
      expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const read = await fetch(`${locked.url}/feeds/verdicts.atom`, { headers: editor() });
      expect(read.status).toBe(200);
      expect(parseFeed(await read.text()).meta.type).toBe('atom');
    } finally {
      await locked.close();
    }
  });
});
