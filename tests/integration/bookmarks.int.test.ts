// Reads after writes across processes, as on a cluster: every write hands back Neo4j bookmarks, and a reader given them —
// another driver, as behind another API replica — waits until it holds that write. CI runs this file (and others) once
// more through neo4j://, the driver's routing path (TEST_NEO4J_ROUTING=1).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../../server/db/index.js';
import { importDataset } from '../../server/dataset/index.js';
import { readBookmarks } from '../../server/api/create-graphql.js';
import { validDataset } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { codes, startTestServer, type TestServer } from '../support/test-server.js';

let writer: Database;
let replica: Database;
let api: TestServer;

const dataset = (name: string) =>
  validDataset(
    {
      format: 'deep-labour/v1',
      id: 'bookmark-test',
      name: 'Bookmark test (fictional)',
      description: 'Illustrative: fictional names.',
      organizations: [{ id: 'bm-org', name, kind: 'vendor', country: 'FR' }],
    },
    'bookmark test',
  );

describe(`reads that wait for a write (${new URL(inject('neo4j').uri).protocol}//)`, () => {
  beforeAll(async () => {
    writer = await testDatabase();
    await resetGraph(writer);
    // A second driver stands for a second API replica: it never saw the writer's bookmarks.
    replica = createDatabase({ ...inject('neo4j'), queryTimeoutMs: 30_000 });
    api = await startTestServer(replica, { RESPONSE_CACHE_MB: '8' });
  });
  afterAll(async () => {
    await api?.close();
    await replica?.close();
    await resetGraph(writer);
    await writer.close();
  });

  it('a write hands back bookmarks, and a read given them sees it, through the API as through the driver', async () => {
    await importDataset(writer, dataset('Bookmarked Vendor'));
    const bookmarks = await writer.bookmarks();
    expect(bookmarks.length).toBeGreaterThan(0);
    const [row] = await replica.withBookmarks(bookmarks).read('entities', { ids: ['bm-org'], withSources: false });
    expect((row!.entities as { name: string }[]).map((e) => e.name)).toEqual(['Bookmarked Vendor']);

    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'neo4j-bookmarks': bookmarks.join(',') },
      body: JSON.stringify({ query: '{ entity(id: "bm-org") { name } }' }),
    });
    expect(await res.json()).toEqual({ data: { entity: { name: 'Bookmarked Vendor' } } });
  });

  it('refuses a malformed bookmarks header with BAD_USER_INPUT and a message that says what to send', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'neo4j-bookmarks': Array.from({ length: 17 }, (_, i) => `b${i}`).join(','),
      },
      body: JSON.stringify({ query: '{ stats { sources } }' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(codes({ status: res.status, errors: body.errors })).toEqual(['BAD_USER_INPUT']);
    expect(body.errors[0]!.message).toMatch(/at most 16 bookmarks/);
  });

  it('refuses a bookmark this store never gave with BAD_USER_INPUT (the bookmarks do reach Neo4j)', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'neo4j-bookmarks': 'FB:kcwQnotfromhere' },
      body: JSON.stringify({ query: '{ entity(id: "bm-org") { name } }' }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors[0]!.message).toMatch(/not one this store gave/);
  });

  it('reads the header as the CLI prints it', () => {
    expect(readBookmarks(undefined)).toEqual([]);
    expect(readBookmarks(' FB:a , FB:b,')).toEqual(['FB:a', 'FB:b']);
    expect(() => readBookmarks('FB:a b')).toThrow(/Neo4j-Bookmarks/);
    expect(() => readBookmarks('x'.repeat(513))).toThrow(/at most 512/);
  });
});
