// One way to page, against the real server and Neo4j: claimPage and historyPage walk every item exactly once with
// first/after, agree with the deprecated lists they replace, refuse a cursor that is not theirs, and paged history still
// withholds a small pool's size.
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importFixtures } from '../../server/fixtures.js';
import { codes, useSeededServer, type GraphqlResponse } from '../support/test-server.js';

let editor = '';
const api = useSeededServer(async (db) => {
  await importFixtures(db);
  editor = await createToken(db, 'paging editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

/** Every node of a connection, page by page, `first` at a time; the pages' count too. */
async function walk(
  field: string,
  args: string,
  selection: string,
  first: number,
): Promise<{ nodes: any[]; pages: number; totalCount?: number }> {
  const nodes: any[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number | undefined;
  do {
    const data: any = ok(
      await api.query(
        `query($after: String) { ${field}(${args}${args ? ', ' : ''}first: ${first}, after: $after) { ${field === 'claimPage' ? 'totalCount' : ''} edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      ),
    )[field];
    pages += 1;
    totalCount = data.totalCount;
    nodes.push(...data.edges.map((e: any) => e.node));
    if (data.edges.length) expect(data.pageInfo.endCursor).toBe(data.edges.at(-1).cursor);
    after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
    expect(pages).toBeLessThan(200);
  } while (after);
  return { nodes, pages, ...(totalCount !== undefined ? { totalCount } : {}) };
}

describe('claimPage', () => {
  it('walks every claim once, in id order, two at a time, as the deprecated claims lists them, with their total', async () => {
    const all = ok(await api.query('{ claims(first: 500) { id } }')).claims.map((c: { id: string }) => c.id);
    expect(all.length).toBeGreaterThan(4);
    const { nodes, pages, totalCount } = await walk('claimPage', '', 'id by { id } subject { id }', 2);
    expect(nodes.map((n) => n.id)).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(totalCount).toBe(all.length);
  });

  it('pages the claims by or about one organisation', async () => {
    const { nodes, totalCount } = await walk(
      'claimPage',
      'organizationId: "ex-pixelwork"',
      'id by { id } subject { id }',
      1,
    );
    expect(nodes.map((n) => n.id)).toEqual([
      'ex-claim-pixelwork-client-known',
      'ex-claim-pixelwork-fair-pay',
      'ex-claim-pixelwork-intermediary',
    ]);
    expect(totalCount).toBe(3);
    expect(nodes.every((n) => n.by.id === 'ex-pixelwork' || n.subject.id === 'ex-pixelwork')).toBe(true);
  });

  it('refuses a cursor it did not give, and a page size out of bounds, with BAD_USER_INPUT', async () => {
    const orgCursor = ok(await api.query('{ organizations(first: 1) { pageInfo { endCursor } } }')).organizations
      .pageInfo.endCursor;
    for (const after of ['nonsense', orgCursor, Buffer.from('claim:x', 'utf8').toString('base64')]) {
      expect(
        codes(await api.query('query($after: String) { claimPage(after: $after) { totalCount } }', { after })),
      ).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await api.query('{ claimPage(first: 0) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.query('{ claimPage(first: 501) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('historyPage', () => {
  const as = { authorization: '' };
  const UPSERT = 'mutation($e: EntityInput!, $r: String!) { upsertEntity(entity: $e, reason: $r) { change { id } } }';

  it("walks a record's changes newest first, one at a time, as the deprecated history lists them", async () => {
    as.authorization = `Bearer ${editor}`;
    for (const name of [
      'Paging pool one (fictional)',
      'Paging pool two (fictional)',
      'Paging pool three (fictional)',
    ]) {
      ok(
        await api.query(
          UPSERT,
          { e: { id: 'paging-pool', kind: 'worker-pool', name, country: 'FR', size: 40 }, r: `named ${name}` },
          as,
        ),
      );
    }
    const all = ok(await api.query('{ history(id: "paging-pool", first: 200) { id } }')).history.map(
      (c: { id: string }) => c.id,
    );
    expect(all).toHaveLength(3);
    const { nodes, pages } = await walk('historyPage', 'id: "paging-pool"', 'id reason', 1);
    expect(nodes.map((n) => n.id)).toEqual(all);
    expect(nodes.map((n) => n.reason)).toEqual([
      'named Paging pool three (fictional)',
      'named Paging pool two (fictional)',
      'named Paging pool one (fictional)',
    ]);
    expect(pages).toBe(3);
    const none = ok(
      await api.query(
        '{ historyPage(id: "nothing-has-this-id") { edges { cursor } pageInfo { hasNextPage endCursor } } }',
      ),
    ).historyPage;
    expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("withholds a small pool's size from every page, as the history does everywhere", async () => {
    as.authorization = `Bearer ${editor}`;
    ok(
      await api.query(
        UPSERT,
        {
          e: {
            id: 'paging-small-pool',
            kind: 'worker-pool',
            name: 'Small paging pool (fictional)',
            country: 'FR',
            size: 3,
          },
          r: 'a small pool',
        },
        as,
      ),
    );
    ok(
      await api.query(
        UPSERT,
        {
          e: {
            id: 'paging-small-pool',
            kind: 'worker-pool',
            name: 'Small paging pool, renamed (fictional)',
            country: 'FR',
            size: 4,
          },
          r: 'renamed',
        },
        as,
      ),
    );
    const { nodes } = await walk('historyPage', 'id: "paging-small-pool"', 'id before after', 1);
    expect(nodes).toHaveLength(2);
    for (const state of nodes.flatMap((n) => [n.before, n.after]).filter((s) => s !== null)) {
      expect(JSON.stringify(state)).not.toMatch(/"size":\s*[34]\b/);
    }
    expect(JSON.stringify(nodes)).toContain('Small paging pool, renamed (fictional)');
  });

  it('refuses a cursor it did not give with BAD_USER_INPUT', async () => {
    const orgCursor = ok(await api.query('{ organizations(first: 1) { pageInfo { endCursor } } }')).organizations
      .pageInfo.endCursor;
    for (const after of ['nonsense', orgCursor]) {
      expect(
        codes(
          await api.query(
            'query($after: String) { historyPage(id: "paging-pool", after: $after) { edges { cursor } } }',
            { after },
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    }
  });
});
