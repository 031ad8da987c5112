// Saved investigations over HTTP against a real Neo4j: tokens needed, owners only replace or delete, checked input, never
// cached, and the evidence's version and history left alone.
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset } from '../../server/dataset/index.js';
import {
  codes,
  startTestServer,
  useSeededServer,
  type GraphqlResponse,
  type TestServer,
} from '../support/test-server.js';
import { testDatabase } from '../support/test-database.js';
import { datasetFile } from '../support/load-dataset.js';

const tokens: Record<string, string> = {};
const api = useSeededServer(async (db) => {
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  tokens.alice = await createToken(db, 'Alice', 'reader', 'test');
  tokens.bob = await createToken(db, 'Bob', 'editor', 'test');
  tokens.admin = await createToken(db, 'Admin', 'admin', 'test');
  for (const name of ['Counted', 'Sized', 'Rush', 'Pager'])
    tokens[name] = await createToken(db, name, 'reader', 'test');
});
const as = (who: string): Record<string, string> => (tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {});
const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

const FIELDS = 'id name owner view notes itemNotes { id text } createdAt updatedAt';
const SAVE = `mutation($i: InvestigationInput!) { saveInvestigation(investigation: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { investigation(id: $id) { ${FIELDS} } }`;
const draft = {
  name: 'Who orders the Madagascar annotation?',
  view: '?root=ex-pool-mg-annotators&depth=2&sel=ex-datavolt',
  notes: 'Start from the pool; the vendor is the link to check.',
  itemNotes: [{ id: 'ex-datavolt', text: 'Registry extract says 2019; ask the union.' }],
};

describe('saved investigations', () => {
  it('are saved and opened with a token, by id, with their notes; without one the answer is UNAUTHENTICATED', async () => {
    expect(codes(await api.query(SAVE, { i: draft }))).toEqual(['UNAUTHENTICATED']);
    const version = ok(await api.query('{ storeVersion changes(first: 1) { edges { node { id } } } }'));
    const saved = ok(await api.query(SAVE, { i: draft }, as('alice'))).saveInvestigation;
    expect(saved).toMatchObject({ ...draft, owner: 'Alice' });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok(await api.query(GET, { id: saved.id }, as('bob'))).investigation).toEqual(saved);
    expect(codes(await api.query(GET, { id: saved.id }))).toEqual(['UNAUTHENTICATED']);
    // Not evidence: the store's version and the history do not move.
    expect(ok(await api.query('{ storeVersion changes(first: 1) { edges { node { id } } } }'))).toEqual(version);
  });

  it('are replaced only by their owner or an admin, and the answer is never a cached one', async () => {
    const saved = ok(await api.query(SAVE, { i: draft }, as('alice'))).saveInvestigation;
    expect(codes(await api.query(SAVE, { i: { ...draft, id: saved.id, name: 'Taken over' } }, as('bob')))).toEqual([
      'FORBIDDEN',
    ]);
    ok(await api.query(GET, { id: saved.id }, as('alice'))); // would be cached, if answers about investigations were
    const renamed = ok(
      await api.query(SAVE, { i: { ...draft, id: saved.id, name: 'Renamed', itemNotes: [] } }, as('alice')),
    ).saveInvestigation;
    expect(renamed.createdAt).toBe(saved.createdAt);
    expect(ok(await api.query(GET, { id: saved.id }, as('alice'))).investigation).toMatchObject({
      name: 'Renamed',
      itemNotes: [],
    });
    ok(await api.query(SAVE, { i: { ...draft, id: saved.id, name: 'Fixed by an admin' } }, as('admin')));
    const mine = ok(await api.query('{ investigations { name owner } }', {}, as('alice'))).investigations;
    expect(mine).toContainEqual({ name: 'Fixed by an admin', owner: 'Alice' });
    expect(ok(await api.query('{ investigations { owner } }', {}, as('bob'))).investigations).toEqual([]);
  });

  it('refuse what they may not hold, by path, and save nothing', async () => {
    const before = ok(await api.query('{ investigations(first: 200) { id } }', {}, as('admin'))).investigations.length;
    const r = await api.query(
      SAVE,
      {
        i: {
          ...draft,
          name: ' ',
          view: 'root=x',
          itemNotes: [
            { id: 'a', text: '' },
            { id: 'a', text: 'x\u202Ey' },
          ],
        },
      },
      as('alice'),
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions!.problems!.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'investigation.name',
        'investigation.view',
        'investigation.itemNotes[0].text',
        'investigation.itemNotes[1].id',
        'investigation.itemNotes[1].text',
      ]),
    );
    // The store's moment a saved view is read at must be one: a wrong one would show today's store instead.
    const moment = await api.query(SAVE, { i: { ...draft, view: '?root=x&recordedAt=yesterday' } }, as('alice'));
    expect(codes(moment)).toEqual(['BAD_USER_INPUT']);
    expect(moment.errors![0]!.extensions!.problems!.map((p) => p.path)).toEqual(['investigation.view']);
    expect(ok(await api.query('{ investigations(first: 200) { id } }', {}, as('admin'))).investigations.length).toBe(
      before,
    );
  });

  it('are deleted by their owner only', async () => {
    const saved = ok(await api.query(SAVE, { i: draft }, as('alice'))).saveInvestigation;
    const del = `mutation($id: ID!) { deleteInvestigation(id: $id) }`;
    expect(codes(await api.query(del, { id: saved.id }, as('bob')))).toEqual(['FORBIDDEN']);
    expect(ok(await api.query(del, { id: saved.id }, as('alice'))).deleteInvestigation).toBe(true);
    expect(ok(await api.query(del, { id: saved.id }, as('alice'))).deleteInvestigation).toBe(false);
    expect(ok(await api.query(GET, { id: saved.id }, as('alice'))).investigation).toBeNull();
  });
});

describe('quotas and pages', () => {
  /** A second server on the same store, with small quotas: 3 investigations and 4 kB per token. */
  const withQuota = async (work: (small: TestServer) => Promise<void>) => {
    const db = await testDatabase();
    const small = await startTestServer(db, { INVESTIGATION_QUOTA_COUNT: '3', INVESTIGATION_QUOTA_KB: '4' });
    try {
      await work(small);
    } finally {
      await small.close();
      await db.close();
    }
  };
  const plain = { name: 'Quota test', view: '?root=ex-taskora' };

  it('refuse a save past the count quota with QUOTA_EXCEEDED, saying the limit and what to do; a replacement or a deletion frees the way', async () => {
    await withQuota(async (small) => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(
          ok(await small.query(SAVE, { i: { ...plain, name: `Quota ${i}` } }, as('Counted'))).saveInvestigation.id,
        );
      const over = await small.query(SAVE, { i: { ...plain, name: 'One too many' } }, as('Counted'));
      expect(codes(over)).toEqual(['QUOTA_EXCEEDED']);
      expect(over.errors![0]!.message).toMatch(/at most 3 investigations/);
      expect(over.errors![0]!.message).toMatch(/deleteInvestigation|INVESTIGATION_QUOTA_COUNT/);
      ok(await small.query(SAVE, { i: { ...plain, id: ids[0], name: 'Replaced, not added' } }, as('Counted')));
      ok(await small.query('mutation($id: ID!) { deleteInvestigation(id: $id) }', { id: ids[1] }, as('Counted')));
      ok(await small.query(SAVE, { i: { ...plain, name: 'Room again' } }, as('Counted')));
      // Another token has its own quota.
      ok(await small.query(SAVE, { i: plain }, as('alice')));
    });
  });

  it('refuse a save that would take a token past its total size, counting a replaced investigation once', async () => {
    await withQuota(async (small) => {
      const notes = 'n'.repeat(3_000);
      const first = ok(await small.query(SAVE, { i: { ...plain, notes } }, as('Sized'))).saveInvestigation;
      const over = await small.query(SAVE, { i: { ...plain, notes } }, as('Sized'));
      expect(codes(over)).toEqual(['QUOTA_EXCEEDED']);
      expect(over.errors![0]!.message).toMatch(/at most 4 kB together/);
      expect(over.errors![0]!.message).toMatch(/INVESTIGATION_QUOTA_KB/);
      ok(await small.query(SAVE, { i: { ...plain, id: first.id, notes: `${notes}!` } }, as('Sized')));
    });
  });

  it('hold when many saves by one token arrive at once: exactly the quota is saved', async () => {
    await withQuota(async (small) => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => small.query(SAVE, { i: { ...plain, name: `Rush ${i}` } }, as('Rush'))),
      );
      expect(answers.filter((a) => !a.errors).length).toBe(3);
      expect(answers.flatMap(codes).every((c) => c === 'QUOTA_EXCEEDED')).toBe(true);
      expect(
        ok(await small.query('{ investigations(first: 200) { id } }', {}, as('Rush'))).investigations,
      ).toHaveLength(3);
    });
  });

  it('are listed a page at a time with first and after, every one exactly once; the old investigations(first) still answers', async () => {
    for (let i = 0; i < 7; i++) ok(await api.query(SAVE, { i: { ...plain, name: `Page ${i}` } }, as('Pager')));
    const PAGE =
      'query($after: String) { investigationPage(first: 3, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: any = ok(await api.query(PAGE, { after }, as('Pager'))).investigationPage;
      seen.push(...page.edges.map((e: any) => e.node.id));
      expect(page.edges.length).toBeLessThanOrEqual(3);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const all = ok(await api.query('{ investigations(first: 200) { id } }', {}, as('Pager'))).investigations.map(
      (i: { id: string }) => i.id,
    );
    expect(all).toHaveLength(7);
    expect(seen).toEqual(all);
    expect(codes(await api.query(PAGE, { after: 'not-a-cursor' }, as('Pager')))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.query(PAGE, { after: null }))).toEqual(['UNAUTHENTICATED']);
  });
});
