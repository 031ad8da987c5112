// The answer cache against a real Neo4j: a repeated query is answered from memory, and any import or removal — by this
// server or another process — changes the store's version, so no answer outlives the data it was read from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { importDataset, removeDataset } from '../../server/dataset/index.js';
import { testCascade } from '../fixtures/test-cascade.js';
import { validDataset } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { codes, startTestServer, type TestServer } from '../support/test-server.js';

let db: Database;
let api: TestServer;

const stats = async () =>
  (
    (await (await fetch(`${api.url}/healthz`)).json()) as {
      responseCache: { hits: number; misses: number; entries: number };
    }
  ).responseCache;
const SEARCH = '{ search(text: "zusatz") { id name } }';

const extra = (name: string) =>
  validDataset(
    {
      format: 'deep-labour/v1',
      id: 'cache-extra',
      name: 'Cache test extra (fictional)',
      description: 'Illustrative: fictional names.',
      sources: [{ id: 'cache-src', title: 'Cache test (fictional)', type: 'other' }],
      organizations: [{ id: 'cache-org', name, kind: 'vendor', country: 'FR', sources: ['cache-src'] }],
    },
    'cache extra',
  );

describe('the answer cache', () => {
  beforeAll(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await importDataset(db, validDataset(testCascade(), 'test cascade'));
    api = await startTestServer(db, { RESPONSE_CACHE_MB: '8' });
  });
  afterAll(async () => {
    await api?.close();
    await resetGraph(db);
    await db.close();
  });

  it('answers a repeated query from memory, the same answer', async () => {
    const q = '{ whoWorksFor(workerPoolId: "t-pool-a", asOf: "2024-06-01") { organization { id } depth } }';
    const before = await stats();
    const first = await api.query(q);
    const second = await api.query(q);
    expect(second).toEqual(first);
    expect(first.data!.whoWorksFor.length).toBeGreaterThan(3);
    const after = await stats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);
    // Other variables are another answer.
    await api.query(q.replace('t-pool-a', 't-pool-c'));
    expect((await stats()).misses - after.misses).toBe(1);
  });

  it('answers the same question asked by many at once by asking the store once', async () => {
    const q = '{ workforceBehind(organizationId: "t-end", asOf: "2024-06-01") { totalWorkersMin workerPools { id } } }';
    const before = await stats();
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.query(q)));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.errors).toBeUndefined();
    const after = await stats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(7);
  });

  it('a question whose first asking fails is asked again by those who waited, not answered with the failure', async () => {
    const q = '{ cascade(rootId: "no-such-entity-anywhere", maxDepth: 2) { truncated } }';
    const answers = await Promise.all(Array.from({ length: 4 }, () => api.query(q)));
    for (const a of answers) expect(codes(a)).toEqual(['NOT_FOUND']);
  });

  it('never serves an answer from before an import or a removal', async () => {
    expect((await api.query(SEARCH)).data!.search).toEqual([]);
    expect((await api.query(SEARCH)).data!.search).toEqual([]); // now cached
    // Imported as the CLI does, outside this server: only the store's version tells the server.
    await importDataset(db, extra('Zusatz Vendor'));
    expect((await api.query(SEARCH)).data!.search).toEqual([{ id: 'cache-org', name: 'Zusatz Vendor' }]);
    await importDataset(db, extra('Zusatz Vendor Renamed'));
    expect((await api.query(SEARCH)).data!.search).toEqual([{ id: 'cache-org', name: 'Zusatz Vendor Renamed' }]);
    await removeDataset(db, 'cache-extra');
    expect((await api.query(SEARCH)).data!.search).toEqual([]);
  });

  it('keeps no answer with errors', async () => {
    const q = '{ entity(id: " ") { id } }';
    const before = await stats();
    expect(codes(await api.query(q))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.query(q))).toEqual(['BAD_USER_INPUT']);
    expect((await stats()).hits).toBe(before.hits);
  });

  it('caches nothing when it is turned off', async () => {
    const off = await startTestServer(db, { RESPONSE_CACHE_MB: '0' });
    try {
      await off.query(SEARCH);
      await off.query(SEARCH);
      const s = (
        (await (await fetch(`${off.url}/healthz`)).json()) as { responseCache: { hits: number; entries: number } }
      ).responseCache;
      expect(s).toMatchObject({ hits: 0, entries: 0 });
    } finally {
      await off.close();
    }
  });
});
