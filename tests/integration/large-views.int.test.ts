// The largest view the API allows, on a generated graph big enough to fill it: it answers, within the database's
// memory. (A sort with a limit inside the cascade's link sub-query once reserved memory for each of its 20,001 rows as
// if each held the whole view, and a 5,000-node view failed with Neo4j's transaction memory limit.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { importDataset } from '../../server/dataset/index.js';
import { generateDataset } from '../../server/dataset/generate-dataset.js';
import { validDataset } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let db: Database;
let api: TestServer;
let platform: string;

describe('the largest view', () => {
  beforeAll(async () => {
    db = await testDatabase();
    await resetGraph(db);
    const dataset = validDataset(generateDataset({ links: 16_000 }), 'generated dataset');
    platform = dataset.links.find((l) => l.type === 'WORKS_ON')!.to;
    await importDataset(db, dataset);
    api = await startTestServer(db, { RESPONSE_CACHE_MB: '0', QUERY_TIMEOUT_MS: '120000' });
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await resetGraph(db);
    await db.close();
  });

  it('a 5,000-node cascade answers with its links, cut nearest the root first and listed by id', async () => {
    const q = `query($id: ID!) { cascade(rootId: $id, maxDepth: 12, asOf: "2024-01-01", limit: 5000) {
      nodes { id } edges { id from to } truncated edgesTruncated totalNodes } }`;
    const r = await api.query(q, { id: platform });
    expect(r.errors).toBeUndefined();
    const c = (
      r.data as {
        cascade: {
          nodes: { id: string }[];
          edges: { id: string; from: string; to: string }[];
          truncated: boolean;
          totalNodes: number;
        };
      }
    ).cascade;
    expect(c.nodes).toHaveLength(5000);
    expect(c.truncated).toBe(true);
    expect(c.edges.length).toBeGreaterThan(4000);
    const ids = c.edges.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const shown = new Set(c.nodes.map((n) => n.id));
    for (const e of c.edges) expect(shown.has(e.from) && shown.has(e.to)).toBe(true);
  }, 180_000);
});
