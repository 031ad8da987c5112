// Saved investigations over HTTP against a real Neo4j: tokens needed, owners only replace or delete, checked input, never
// cached, and the evidence's version and history left alone.
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/curation/token-store.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset } from '../../server/dataset/index.js';
import { codes, useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { datasetFile } from '../support/load-dataset.js';

const tokens: Record<string, string> = {};
const api = useSeededServer(async (db) => {
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  tokens.alice = await createToken(db, 'Alice', 'reader', 'test');
  tokens.bob = await createToken(db, 'Bob', 'editor', 'test');
  tokens.admin = await createToken(db, 'Admin', 'admin', 'test');
});
const as = (who: string): Record<string, string> => (tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {});
const ok = (r: GraphqlResponse) => { expect(r.errors, JSON.stringify(r.errors)).toBeUndefined(); return r.data!; };

const FIELDS = 'id name owner view notes itemNotes { id text } createdAt updatedAt';
const SAVE = `mutation($i: InvestigationInput!) { saveInvestigation(investigation: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { investigation(id: $id) { ${FIELDS} } }`;
const draft = { name: 'Who orders the Madagascar annotation?', view: '?root=ex-pool-mg-annotators&depth=2&sel=ex-datavolt', notes: 'Start from the pool; the vendor is the link to check.', itemNotes: [{ id: 'ex-datavolt', text: 'Registry extract says 2019; ask the union.' }] };

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
    expect(codes(await api.query(SAVE, { i: { ...draft, id: saved.id, name: 'Taken over' } }, as('bob')))).toEqual(['FORBIDDEN']);
    ok(await api.query(GET, { id: saved.id }, as('alice'))); // would be cached, if answers about investigations were
    const renamed = ok(await api.query(SAVE, { i: { ...draft, id: saved.id, name: 'Renamed', itemNotes: [] } }, as('alice'))).saveInvestigation;
    expect(renamed.createdAt).toBe(saved.createdAt);
    expect(ok(await api.query(GET, { id: saved.id }, as('alice'))).investigation).toMatchObject({ name: 'Renamed', itemNotes: [] });
    ok(await api.query(SAVE, { i: { ...draft, id: saved.id, name: 'Fixed by an admin' } }, as('admin')));
    const mine = ok(await api.query('{ investigations { name owner } }', {}, as('alice'))).investigations;
    expect(mine).toContainEqual({ name: 'Fixed by an admin', owner: 'Alice' });
    expect(ok(await api.query('{ investigations { owner } }', {}, as('bob'))).investigations).toEqual([]);
  });

  it('refuse what they may not hold, by path, and save nothing', async () => {
    const before = ok(await api.query('{ investigations(first: 200) { id } }', {}, as('admin'))).investigations.length;
    const r = await api.query(SAVE, { i: { ...draft, name: ' ', view: 'root=x', itemNotes: [{ id: 'a', text: '' }, { id: 'a', text: 'x\u202Ey' }] } }, as('alice'));
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions!.problems!.map((p) => p.path)).toEqual(expect.arrayContaining([
      'investigation.name', 'investigation.view', 'investigation.itemNotes[0].text', 'investigation.itemNotes[1].id', 'investigation.itemNotes[1].text',
    ]));
    expect(ok(await api.query('{ investigations(first: 200) { id } }', {}, as('admin'))).investigations.length).toBe(before);
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
