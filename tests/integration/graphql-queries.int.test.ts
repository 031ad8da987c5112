// The GraphQL API over HTTP against a real Neo4j holding the hand-worked test cascade.
import { importValid } from '../support/load-dataset.js';
import { describe, expect, it } from 'vitest';
import { testCascade } from '../fixtures/test-cascade.js';
import { KEPT_SOURCE } from '../fixtures/minimal-dataset.js';
import { codes, useSeededServer } from '../support/test-server.js';

const NOW = '2024-06-01';
const api = useSeededServer(async (db) => {
  await importValid(db, testCascade(), 'test cascade');
});

const WHO = `query($id: ID!, $asOf: Date, $maxDepth: Int) {
  whoWorksFor(workerPoolId: $id, asOf: $asOf, maxDepth: $maxDepth) {
    organization { id } depth ultimate path { id type from to sources { id title } }
  }
}`;

describe('whoWorksFor', () => {
  it('follows the labour chain to the end customer with the fewest organisations as depth', async () => {
    const r = await api.query(WHO, { id: 't-pool-a', asOf: NOW });
    const got = r.data!.whoWorksFor.map((b: any) => [b.organization.id, b.depth, b.ultimate]);
    expect(got).toEqual([
      ['t-contract', 1, false],
      ['t-exec', 1, true],
      ['t-recruit', 1, true],
      ['t-vendor', 2, false],
      ['t-hidden', 3, false],
      ['t-client', 4, false],
      ['t-end', 5, true],
    ]);
  });

  it('gives the links of a shortest chain, each with its sources', async () => {
    const r = await api.query(WHO, { id: 't-pool-a', asOf: NOW });
    const end = r.data!.whoWorksFor.find((b: any) => b.organization.id === 't-end');
    expect(end.path.map((l: any) => l.id)).toEqual([
      'CONTRACTED_BY:t-pool-a->t-contract',
      'SUBCONTRACTS_FOR:t-contract->t-vendor',
      'SUBCONTRACTS_FOR:t-vendor->t-hidden',
      'SUBCONTRACTS_FOR:t-hidden->t-client',
      'SUBCONTRACTS_FOR:t-client->t-end',
    ]);
    expect(end.path[0].sources).toEqual([{ id: 't-src', title: 'Test scenario (fictional)' }]);
    // The organisations' sources are read when asked for, apart from the links'.
    const orgs = await api.query(
      `{ whoWorksFor(workerPoolId: "t-pool-a", asOf: "${NOW}", maxDepth: 1) { organization { id sources { id } } path { id } } }`,
    );
    expect(orgs.data!.whoWorksFor[0]).toEqual({
      organization: { id: 't-contract', sources: [{ id: 't-src' }] },
      path: [{ id: 'CONTRACTED_BY:t-pool-a->t-contract' }],
    });
    expect(end.path[3].sources).toEqual([]);
  });

  it('cuts off at maxDepth organisations', async () => {
    const r = await api.query(WHO, { id: 't-pool-a', asOf: NOW, maxDepth: 3 });
    expect(r.data!.whoWorksFor.map((b: any) => b.organization.id)).toEqual([
      't-contract',
      't-exec',
      't-recruit',
      't-vendor',
      't-hidden',
    ]);
  });

  it('ignores links not yet valid at asOf', async () => {
    const r = await api.query(WHO, { id: 't-pool-a', asOf: '2020-06-01' });
    const got = r.data!.whoWorksFor.map((b: any) => [b.organization.id, b.ultimate]);
    expect(got).toEqual([
      ['t-contract', false],
      ['t-exec', true],
      ['t-recruit', true],
      ['t-vendor', false],
      ['t-hidden', true],
    ]);
  });

  it('ignores links that have ended at asOf', async () => {
    expect(
      (await api.query(WHO, { id: 't-pool-b', asOf: '2022-06-01' })).data!.whoWorksFor.map(
        (b: any) => b.organization.id,
      ),
    ).toEqual(['t-vendor', 't-hidden', 't-client', 't-end']);
    expect((await api.query(WHO, { id: 't-pool-b', asOf: NOW })).data!.whoWorksFor).toEqual([]);
  });

  it('terminates on a cycle and lists each organisation once', async () => {
    const r = await api.query(WHO, { id: 't-pool-c', asOf: NOW });
    expect(r.data!.whoWorksFor.map((b: any) => [b.organization.id, b.depth])).toEqual([
      ['t-cyc-a', 1],
      ['t-cyc-b', 2],
      ['t-client', 3],
      ['t-end', 4],
    ]);
  });

  it('answers NOT_FOUND for an unknown id and for an id of another kind', async () => {
    expect(codes(await api.query(WHO, { id: 't-nobody' }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.query(WHO, { id: 't-vendor' }))).toEqual(['NOT_FOUND']);
  });

  it.each([0, 13, -1])('answers BAD_USER_INPUT for maxDepth %i', async (maxDepth) => {
    expect(codes(await api.query(WHO, { id: 't-pool-a', maxDepth }))).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['2024-02-30', '2024-6-1', 'yesterday', '2024'])(
    'answers BAD_USER_INPUT for the date %s, as a variable or inline',
    async (asOf) => {
      expect(codes(await api.query(WHO, { id: 't-pool-a', asOf }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await api.query(`{ whoWorksFor(workerPoolId: "t-pool-a", asOf: "${asOf}") { depth } }`))).toEqual([
        'BAD_USER_INPUT',
      ]);
    },
  );
});

const WORKFORCE = `query($id: ID!, $asOf: Date, $maxDepth: Int) {
  workforceBehind(organizationId: $id, asOf: $asOf, maxDepth: $maxDepth) { workerPools { id size } totalWorkersMin totalWorkersMax unknownSizes countries }
}`;

describe('workforceBehind', () => {
  it('finds every pool whose chain reaches the organisation, with sizes and countries', async () => {
    const r = await api.query(WORKFORCE, { id: 't-client', asOf: NOW });
    expect(r.data!.workforceBehind).toEqual({
      workerPools: [
        { id: 't-pool-a', size: 100 },
        { id: 't-pool-c', size: 50 },
      ],
      totalWorkersMin: 150,
      totalWorkersMax: 150,
      unknownSizes: 0,
      countries: ['FR', 'KE'],
    });
  });

  it('counts pools of unknown size while their links are valid', async () => {
    const r = await api.query(WORKFORCE, { id: 't-client', asOf: '2022-06-01' });
    expect(r.data!.workforceBehind).toMatchObject({
      totalWorkersMin: 150,
      unknownSizes: 1,
      countries: ['FR', 'KE', 'MG'],
    });
  });

  it("gives the pools' sources when asked for them", async () => {
    const r = await api.query(
      `{ workforceBehind(organizationId: "t-client", maxDepth: 3, asOf: "${NOW}") { workerPools { id sources { id } } } }`,
    );
    expect(r.data!.workforceBehind.workerPools).toEqual([{ id: 't-pool-c', sources: [{ id: 't-src' }] }]);
  });

  it('respects maxDepth', async () => {
    const r = await api.query(WORKFORCE, { id: 't-client', asOf: NOW, maxDepth: 3 });
    expect(r.data!.workforceBehind.workerPools.map((w: any) => w.id)).toEqual(['t-pool-c']);
  });

  it('answers an organisation with no workforce with zeros, and an unknown one with NOT_FOUND', async () => {
    expect((await api.query(WORKFORCE, { id: 't-recruit', asOf: NOW })).data!.workforceBehind.totalWorkersMin).toBe(
      100,
    );
    expect((await api.query(WORKFORCE, { id: 't-end', asOf: NOW, maxDepth: 1 })).data!.workforceBehind).toEqual({
      workerPools: [],
      totalWorkersMin: 0,
      totalWorkersMax: 0,
      unknownSizes: 0,
      countries: [],
    });
    expect(codes(await api.query(WORKFORCE, { id: 't-pool-a' }))).toEqual(['NOT_FOUND']);
  });
});

const PROVENANCE = `query($id: ID!, $asOf: Date) {
  provenance(taskId: $id, asOf: $asOf) {
    task { id kind taskKind } workerPools { id } executionPlatforms { id } clients { id } endCustomers { id }
    aiProducts { product { id } use owner { id } } depth roleSplit undisclosedHops
    roles { workerPool { id } recruitedVia { id } contractedBy { id } worksOn { id } }
    subgraph { nodes { id kind } edges { id sources { id } } truncated }
  }
}`;

describe('provenance', () => {
  it('traces the task from its workers to its end customer', async () => {
    const p = (await api.query(PROVENANCE, { id: 't-task', asOf: NOW })).data!.provenance;
    expect(p.task).toEqual({ id: 't-task', kind: 'task', taskKind: 'annotation' });
    expect(p.workerPools).toEqual([{ id: 't-pool-a' }, { id: 't-pool-b' }]);
    expect(p.executionPlatforms).toEqual([{ id: 't-exec' }]);
    expect(p.clients).toEqual([{ id: 't-client' }]);
    expect(p.endCustomers).toEqual([{ id: 't-end' }]);
    expect(p.aiProducts).toEqual([{ product: { id: 't-ai' }, use: 'training', owner: { id: 't-end' } }]);
    expect(p.depth).toBe(5);
    expect(p.roleSplit).toBe(true);
    expect(p.undisclosedHops).toBe(3);
    expect(p.roles).toEqual([
      {
        workerPool: { id: 't-pool-a' },
        recruitedVia: [{ id: 't-recruit' }],
        contractedBy: [{ id: 't-contract' }],
        worksOn: [{ id: 't-exec' }],
      },
      { workerPool: { id: 't-pool-b' }, recruitedVia: [], contractedBy: [], worksOn: [] },
    ]);
  });

  it('draws the chains, the task links and the AI product, every node once', async () => {
    const p = (await api.query(PROVENANCE, { id: 't-task', asOf: NOW })).data!.provenance;
    const ids = p.subgraph.nodes.map((n: any) => n.id).sort();
    expect(ids).toEqual([
      't-ai',
      't-client',
      't-contract',
      't-end',
      't-exec',
      't-hidden',
      't-pool-a',
      't-pool-b',
      't-recruit',
      't-task',
      't-vendor',
    ]);
    expect(new Set(p.subgraph.edges.map((e: any) => e.id)).size).toBe(p.subgraph.edges.length);
    expect(p.subgraph.edges.map((e: any) => e.id)).toContain('SUBCONTRACTS_FOR:t-hidden->t-client');
    expect(p.subgraph.nodes.find((n: any) => n.id === 't-hidden').kind).toBe('undisclosed');
  });

  it('changes with asOf: before the hidden hop starts, nothing reaches the end customer', async () => {
    const p = (await api.query(PROVENANCE, { id: 't-task', asOf: '2020-06-01' })).data!.provenance;
    expect(p.endCustomers).toEqual([{ id: 't-end' }]);
    expect(p.depth).toBe(0);
    expect(p.undisclosedHops).toBe(0);
  });

  it('answers NOT_FOUND for an unknown task', async () => {
    expect(codes(await api.query(PROVENANCE, { id: 't-pool-a' }))).toEqual(['NOT_FOUND']);
  });
});

const VALUE = `query($id: ID!, $asOf: Date) {
  valueChain(taskId: $id, asOf: $asOf) { workerPool { id } hops { id pricePerUnitEur } workerPayPerUnitEur clientPricePerUnitEur workerShare }
}`;

describe('valueChain', () => {
  it("gives how much of the client's euro reaches each pool", async () => {
    const v = (await api.query(VALUE, { id: 't-task', asOf: NOW })).data!.valueChain;
    expect(v[0]).toEqual({
      workerPool: { id: 't-pool-a' },
      hops: [
        { id: 'SUBCONTRACTS_FOR:t-contract->t-vendor', pricePerUnitEur: 0.05 },
        { id: 'SUBCONTRACTS_FOR:t-vendor->t-hidden', pricePerUnitEur: 0.1 },
        { id: 'SUBCONTRACTS_FOR:t-hidden->t-client', pricePerUnitEur: 0.2 },
      ],
      workerPayPerUnitEur: 0.02,
      clientPricePerUnitEur: 0.2,
      workerShare: 0.1,
    });
    // Pool B's contract has ended: its pay falls back to the task's unit pay and no chain reaches the client.
    expect(v[1]).toEqual({
      workerPool: { id: 't-pool-b' },
      hops: [],
      workerPayPerUnitEur: 0.04,
      clientPricePerUnitEur: null,
      workerShare: null,
    });
  });

  it('uses the contract that was valid at asOf', async () => {
    const v = (await api.query(VALUE, { id: 't-task', asOf: '2022-06-01' })).data!.valueChain;
    expect(v[1]).toMatchObject({ workerPayPerUnitEur: 0.01, clientPricePerUnitEur: 0.2, workerShare: 0.05 });
    expect(v[1].hops).toHaveLength(2);
  });
});

const CASCADE = `query($id: ID!, $direction: Direction, $maxDepth: Int, $limit: Int, $asOf: Date) {
  cascade(rootId: $id, direction: $direction, maxDepth: $maxDepth, limit: $limit, asOf: $asOf) {
    nodes { id kind } edges { id from to } truncated totalNodes
  }
}`;

describe('cascade', () => {
  it.each([
    ['OUTGOING', ['t-vendor', 't-hidden']],
    ['INCOMING', ['t-vendor', 't-contract']],
    ['BOTH', ['t-vendor', 't-contract', 't-hidden']],
  ])('follows links %s', async (direction, ids) => {
    const c = (await api.query(CASCADE, { id: 't-vendor', direction, maxDepth: 1, asOf: NOW })).data!.cascade;
    expect(c.nodes.map((n: any) => n.id)).toEqual(ids);
    expect(c.truncated).toBe(false);
    for (const e of c.edges) expect(ids).toEqual(expect.arrayContaining([e.from, e.to]));
  });

  it('cuts at limit, nearest first, and says so', async () => {
    const c = (await api.query(CASCADE, { id: 't-vendor', direction: 'BOTH', maxDepth: 1, limit: 2, asOf: NOW })).data!
      .cascade;
    expect(c.nodes.map((n: any) => n.id)).toEqual(['t-vendor', 't-contract']);
    expect(c).toMatchObject({ truncated: true, totalNodes: 3 });
  });

  it('keeps edge ids stable across calls', async () => {
    const a = (await api.query(CASCADE, { id: 't-task', maxDepth: 2, asOf: NOW })).data!.cascade;
    const b = (await api.query(CASCADE, { id: 't-task', maxDepth: 2, asOf: NOW })).data!.cascade;
    expect(a.edges.map((e: any) => e.id)).toEqual(b.edges.map((e: any) => e.id));
    expect(a.edges.length).toBeGreaterThan(5);
  });

  it('refuses a limit above its cap', async () => {
    expect(codes(await api.query(CASCADE, { id: 't-task', limit: 5001 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('gives the same links whether asked for their ends only (sent without their properties) or in full', async () => {
    const ends = `query($id: ID!, $asOf: Date) { cascade(rootId: $id, maxDepth: 3, asOf: $asOf) { edges { id type from to } } }`;
    const full = `query($id: ID!, $asOf: Date) { cascade(rootId: $id, maxDepth: 3, asOf: $asOf) {
      edges { id type from to since pricePerUnitEur priceSuppressed disclosedToWorkers sources { id } } } }`;
    const a = (await api.query(ends, { id: 't-task', asOf: NOW })).data!.cascade.edges;
    const b = (await api.query(full, { id: 't-task', asOf: NOW })).data!.cascade.edges;
    expect(a.length).toBeGreaterThan(5);
    expect(a).toEqual(b.map((e: any) => ({ id: e.id, type: e.type, from: e.from, to: e.to })));
    // The full answer still carries the properties and sources the ends-only one left out.
    expect(b.some((e: any) => typeof e.pricePerUnitEur === 'number')).toBe(true);
    expect(b.some((e: any) => e.sources.length > 0)).toBe(true);
  });
});

describe('entity, search, organizations, stats', () => {
  it('returns an entity with its interface kind and its sources, or null', async () => {
    const r =
      await api.query(`{ a: entity(id: "t-task") { __typename id kind sources { id type } ... on Task { taskKind unitPayEur } }
                                b: entity(id: "t-hidden") { __typename kind }  c: entity(id: "t-none") { id } }`);
    expect(r.data).toEqual({
      a: {
        __typename: 'Task',
        id: 't-task',
        kind: 'task',
        sources: [{ id: 't-src', type: 'other' }],
        taskKind: 'annotation',
        unitPayEur: 0.04,
      },
      b: { __typename: 'Organization', kind: 'undisclosed' },
      c: null,
    });
  });

  it('returns many entities at once in the order asked, each once, without the ids nothing has', async () => {
    const r = await api.query('query($ids: [ID!]!) { entities(ids: $ids) { id kind sources { id } } }', {
      ids: ['t-hidden', 't-none', 't-task', 't-hidden'],
    });
    expect(r.data!.entities).toEqual([
      { id: 't-hidden', kind: 'undisclosed', sources: [{ id: 't-src' }] },
      { id: 't-task', kind: 'task', sources: [{ id: 't-src' }] },
    ]);
    const many = await api.query('query($ids: [ID!]!) { entities(ids: $ids) { id } }', {
      ids: Array.from({ length: 5001 }, (_, i) => `x${i}`),
    });
    expect(codes(many)).toEqual(['BAD_USER_INPUT']);
    expect(many.errors![0]!.message).toMatch(/at most 5000/);
    expect(codes(await api.query('{ entities(ids: ["t-task", " "]) { id } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('searches names and aliases by word prefix', async () => {
    const r = await api.query(
      `{ a: search(text: "rekr") { id } b: search(text: "rp JOBS") { id } c: search(text: "zyklus", limit: 1) { id } }`,
    );
    expect(r.data).toEqual({
      a: [{ id: 't-recruit' }],
      b: [{ id: 't-recruit' }],
      c: [expect.objectContaining({ id: expect.stringMatching(/^t-cyc-/) })],
    });
  });

  it('finds an organisation by any of its aliases, such as a former name, and tells what its sources say, where, and when they were retrieved', async () => {
    const r = await api.query(`{ a: search(text: "datavend") { id } b: search(text: "vendo") { id }
      e: entity(id: "t-vendor") { note sources { publisher date locator retrievedOn archiveUrl documentSha256 } ... on Organization { aliases } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toEqual([{ id: 't-vendor' }]);
    expect(r.data!.b).toEqual([{ id: 't-vendor' }]);
    expect(r.data!.e).toEqual({
      note: 'The scenario says it resells labelling (fictional).',
      aliases: ['Vendo', 'formerly Datavend'],
      sources: [
        {
          publisher: 'Test Press (fictional)',
          date: '2024-01-01',
          locator: 'section 2, paras 4-7',
          retrievedOn: KEPT_SOURCE.retrievedOn,
          archiveUrl: KEPT_SOURCE.archiveUrl,
          documentSha256: KEPT_SOURCE.documentSha256,
        },
      ],
    });
    const none = await api.query('{ entity(id: "t-exec") { note } }');
    expect(none.data).toEqual({ entity: { note: null } });
  });

  it('reads the sources of found entities and organisations when the query selects them, through fragments too', async () => {
    const r =
      await api.query(`{ a: search(text: "road scenes") { id ...S } b: search(text: "road scenes") { id ... on Task { sources { id } } }
                                 c: search(text: "road scenes") { id } }
                               fragment S on Entity { sources { id } }`);
    expect(r.data).toEqual({
      a: [{ id: 't-task', sources: [{ id: 't-src' }] }],
      b: [{ id: 't-task', sources: [{ id: 't-src' }] }],
      c: [{ id: 't-task' }],
    });
    const one = await api.query(`{ entity(id: "t-task") { ...S } } fragment S on Task { sources { id } }`);
    expect(one.data).toEqual({ entity: { sources: [{ id: 't-src' }] } });
    const page = await api.query(
      `{ organizations(kind: "undisclosed", first: 50) { edges { node { id sources { id } } } } }`,
    );
    expect(page.data!.organizations.edges).toContainEqual({ node: { id: 't-hidden', sources: [{ id: 't-src' }] } });
  });

  it('treats search text as words, not query syntax', async () => {
    const r = await api.query(`{ search(text: "Zyklus (A) AND OR*") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(codes(await api.query(`{ search(text: "   ") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('pages organisations by kind with a cursor', async () => {
    const q = `query($after: String) { organizations(kind: "platform", first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const one = (await api.query(q)).data!.organizations;
    expect(one.totalCount).toBe(3);
    expect(one.edges.map((e: any) => e.node.id)).toEqual(['t-contract', 't-exec']);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await api.query(q, { after: one.pageInfo.endCursor })).data!.organizations;
    expect(two.edges.map((e: any) => e.node.id)).toEqual(['t-recruit']);
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect(codes(await api.query(q, { after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
    // Without totalCount (not counted then), the same pages.
    const bare = `query($after: String) { organizations(kind: "platform", first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    expect((await api.query(bare)).data!.organizations).toEqual({ edges: one.edges, pageInfo: one.pageInfo });
    expect((await api.query(bare, { after: one.pageInfo.endCursor })).data!.organizations).toEqual({
      edges: two.edges,
      pageInfo: two.pageInfo,
    });
    expect(codes(await api.query(`{ organizations(kind: "startup") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.query(`{ organizations(country: "France") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect((await api.query(`{ organizations(country: "KE") { totalCount } }`)).data!.organizations.totalCount).toBe(2);
    // Each filter is counted its own way (index or count store): every count agrees with the organisations listed.
    const all = (
      await api.query(
        `{ organizations(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id kind country } } } }`,
      )
    ).data!.organizations;
    const orgs = all.edges.map((e: any) => e.node);
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.totalCount).toBe(orgs.length);
    for (const [kind, country] of [
      ['platform', null],
      [null, 'KE'],
      ['platform', 'KE'],
      ['vendor', 'FR'],
    ] as const) {
      const args = [kind ? `kind: "${kind}"` : '', country ? `country: "${country}"` : ''].filter(Boolean).join(', ');
      const n = (await api.query(`{ organizations(${args}) { totalCount } }`)).data!.organizations.totalCount;
      expect(n, args).toBe(
        orgs.filter((o: any) => (!kind || o.kind === kind) && (!country || o.country === country)).length,
      );
    }
  });

  it('counts nodes per label and links per type', async () => {
    const s = (await api.query(`{ stats { nodes { name count } links { name count } claims sources } }`)).data!.stats;
    expect(s.nodes).toContainEqual({ name: 'Organization', count: 9 });
    expect(s.nodes).toContainEqual({ name: 'WorkerPool', count: 3 });
    expect(s.links).toContainEqual({ name: 'SUBCONTRACTS_FOR', count: 7 });
    expect(s.sources).toBe(1);
  });
});

const CONNECTIONS = `query($from: ID!, $to: ID!, $asOf: Date, $maxDepth: Int, $limit: Int) {
  connections(fromId: $from, toId: $to, asOf: $asOf, maxDepth: $maxDepth, limit: $limit) {
    truncated paths { length steps { along link { id from to } } weakest { link { id } } }
  }
}`;

describe('connections', () => {
  it('finds every shortest chain between two entities, either way along the links, nearest first', async () => {
    const r = await api.query(CONNECTIONS, { from: 't-client', to: 't-pool-a', asOf: NOW });
    expect(r.errors).toBeUndefined();
    const paths = r.data!.connections.paths;
    expect(paths.length).toBeGreaterThan(0);
    const length = paths[0].length;
    for (const p of paths) {
      expect(p.length).toBe(length);
      // Each step continues from where the previous one ended.
      let at = 't-client';
      for (const s of p.steps) {
        expect(s.along ? s.link.from : s.link.to).toBe(at);
        at = s.along ? s.link.to : s.link.from;
      }
      expect(at).toBe('t-pool-a');
    }
    expect(new Set(paths.map((p: any) => p.steps.map((s: any) => s.link.id).join(' '))).size).toBe(paths.length);
  });

  it('answers an empty list when not connected within maxDepth, NOT_FOUND for an unknown id, BAD_USER_INPUT out of bounds', async () => {
    expect(
      (await api.query(CONNECTIONS, { from: 't-client', to: 't-pool-a', asOf: NOW, maxDepth: 1 })).data!.connections,
    ).toEqual({ truncated: false, paths: [] });
    expect(codes(await api.query(CONNECTIONS, { from: 't-client', to: 'nobody' }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.query(CONNECTIONS, { from: 't-client', to: 't-pool-a', maxDepth: 13 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.query(CONNECTIONS, { from: 't-client', to: 't-pool-a', limit: 0 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.query(CONNECTIONS, { from: 't-client', to: 't-client' }))).toEqual(['BAD_USER_INPUT']);
  });
});
