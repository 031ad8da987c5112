// Grouped views against the real server and Neo4j: cascadeGroups on the test cascade and a small-groups scenario, every
// group and link counted by hand (tests/fixtures/test-cascade.ts draws the cascade), with MIN_POOL_SIZE=60 so that
// Pool C (50 workers) and "Three workers" are small; and cascadeGroupMembers paging, searching and withholding.
import { describe, expect, it } from 'vitest';
import { testCascade } from '../fixtures/test-cascade.js';
import { importValid } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';

const S = ['gv-src'];
const smallGroups = {
  format: 'deep-labour/v1',
  id: 'grouped-views-test',
  name: 'Grouped views test (fictional)',
  sources: [{ id: 'gv-src', title: 'Grouped views scenario (fictional)', type: 'other' }],
  organizations: [{ id: 'gv-platform', name: 'Platform (fictional)', kind: 'platform', sources: S }],
  workerPools: [
    { id: 'gv-small', name: 'Three workers (fictional)', country: 'FR', size: 3, sources: S },
    { id: 'gv-big', name: 'Two hundred workers (fictional)', country: 'FR', size: 200, sources: S },
    { id: 'gv-lone', name: 'Seven workers (fictional)', country: 'MG', size: 7, sources: S },
  ],
  tasks: [],
  aiProducts: [],
  links: [
    { type: 'CONTRACTED_BY', from: 'gv-small', to: 'gv-platform', pricePerUnitEur: 0.0137, sources: S },
    { type: 'CONTRACTED_BY', from: 'gv-big', to: 'gv-platform', pricePerUnitEur: 0.2, sources: S },
    { type: 'CONTRACTED_BY', from: 'gv-lone', to: 'gv-platform', pricePerUnitEur: 0.0171, sources: S },
  ],
  claims: [],
};

const api = useSeededServer(
  async (db) => {
    await importValid(db, testCascade(), 'test cascade');
    await importValid(db, smallGroups, 'grouped views');
  },
  { MIN_POOL_SIZE: '60' },
);

const GROUPS = `query($id: ID!, $depth: Int, $asOf: Date, $limit: Int, $dir: Direction) {
  cascadeGroups(rootId: $id, maxDepth: $depth, asOf: $asOf, limit: $limit, direction: $dir) {
    groups { id label kind countries depthMin depthMax members withheldPools unknownSizes workersKnown sizeMin sizeMax }
    links { from to type links pricesKnown priceMin priceMax pricesWithheld }
    truncated totalNodes groupedNodes } }`;
const MEMBERS = `query($id: ID!, $depth: Int, $group: ID!, $first: Int, $after: String, $name: String) {
  cascadeGroupMembers(rootId: $id, maxDepth: $depth, asOf: "2024-01-01", group: $group, first: $first, after: $after, nameContains: $name) {
    nodes { id name kind size sizeSuppressed } totalCount pageInfo { hasNextPage endCursor } } }`;

const group = (id: string, kind: string, depthMin: number, members: number, more: Record<string, unknown> = {}) => ({
  id,
  kind,
  depthMin,
  depthMax: depthMin,
  members,
  withheldPools: 0,
  unknownSizes: 0,
  workersKnown: null,
  sizeMin: null,
  sizeMax: null,
  ...more,
});
const link = (from: string, to: string, type: string, more: Record<string, unknown> = {}) => ({
  from,
  to,
  type,
  links: 1,
  pricesKnown: 0,
  priceMin: null,
  priceMax: null,
  pricesWithheld: 0,
  ...more,
});

describe('cascadeGroups', () => {
  it('groups the whole test cascade around Klient AI: pools by country, the rest by kind and depth, links counted between groups', async () => {
    const r = await api.query(GROUPS, { id: 't-client', depth: 3, asOf: '2024-01-01' });
    expect(r.errors).toBeUndefined();
    const v = r.data!.cascadeGroups;
    expect(v).toMatchObject({ truncated: false, totalNodes: 14, groupedNodes: 14 });
    expect(v.groups.map(({ label: _l, countries: _c, ...g }: any) => g)).toEqual([
      group('root', 'client', 0, 1),
      group('ai-product/2', 'ai-product', 2, 1),
      group('end-customer/1', 'end-customer', 1, 1),
      group('platform/2', 'platform', 2, 1),
      group('platform/3', 'platform', 3, 2),
      group('task/1', 'task', 1, 1),
      group('undisclosed/1', 'undisclosed', 1, 1),
      group('vendor/1', 'vendor', 1, 1),
      group('vendor/2', 'vendor', 2, 2),
      // Pool C has 50 workers, under 60: counted, never summed; its group of one says nothing of its size.
      group('worker-pool/FR', 'worker-pool', 2, 1, { workersKnown: 100, sizeMin: 100, sizeMax: 100 }),
      group('worker-pool/KE', 'worker-pool', 3, 1, { withheldPools: 1 }),
      group('worker-pool/MG', 'worker-pool', 2, 1, { unknownSizes: 1 }),
    ]);
    expect(v.groups[0].label).toBe('Klient AI');
    expect(v.groups.find((g: any) => g.id === 'vendor/2').countries).toEqual(['FR', 'KE']);
    expect(v.groups.find((g: any) => g.id === 'worker-pool/KE').label).toBe('Worker pools in KE');
    // Pool B's contract ended in 2022: no link from worker-pool/MG to a vendor.
    expect(v.links).toEqual([
      link('ai-product/2', 'end-customer/1', 'OWNED_BY'),
      link('platform/3', 'vendor/2', 'SUBCONTRACTS_FOR', { pricesKnown: 1, priceMin: 0.05, priceMax: 0.05 }),
      link('root', 'end-customer/1', 'SUBCONTRACTS_FOR', { pricesKnown: 1, priceMin: 0.5, priceMax: 0.5 }),
      link('task/1', 'ai-product/2', 'FEEDS'),
      link('task/1', 'platform/2', 'EXECUTED_ON'),
      link('task/1', 'root', 'ORDERED_BY'),
      link('task/1', 'worker-pool/FR', 'PERFORMED_BY'),
      link('task/1', 'worker-pool/MG', 'PERFORMED_BY'),
      link('undisclosed/1', 'root', 'SUBCONTRACTS_FOR', { pricesKnown: 1, priceMin: 0.2, priceMax: 0.2 }),
      link('vendor/1', 'root', 'SUBCONTRACTS_FOR', { pricesKnown: 1, priceMin: 0.3, priceMax: 0.3 }),
      link('vendor/1', 'vendor/2', 'SUBCONTRACTS_FOR'),
      link('vendor/2', 'undisclosed/1', 'SUBCONTRACTS_FOR', { pricesKnown: 1, priceMin: 0.1, priceMax: 0.1 }),
      link('vendor/2', 'vendor/1', 'SUBCONTRACTS_FOR'),
      link('worker-pool/FR', 'platform/2', 'WORKS_ON'),
      link('worker-pool/FR', 'platform/3', 'CONTRACTED_BY', { pricesKnown: 1, priceMin: 0.02, priceMax: 0.02 }),
      link('worker-pool/FR', 'platform/3', 'RECRUITED_VIA'),
      link('worker-pool/KE', 'vendor/2', 'CONTRACTED_BY'),
    ]);
  });

  it('sums only the pools it may show, counts the withheld ones, and never shows a price a small group is paid', async () => {
    const r = await api.query(GROUPS, { id: 'gv-platform', depth: 1, asOf: '2024-01-01' });
    expect(r.errors).toBeUndefined();
    const v = r.data!.cascadeGroups;
    expect(v.groups.map(({ label: _l, ...g }: any) => g)).toEqual([
      { ...group('root', 'platform', 0, 1), countries: [] },
      {
        ...group('worker-pool/FR', 'worker-pool', 1, 2, {
          withheldPools: 1,
          workersKnown: 200,
          sizeMin: 200,
          sizeMax: 200,
        }),
        countries: ['FR'],
      },
      { ...group('worker-pool/MG', 'worker-pool', 1, 1, { withheldPools: 1 }), countries: ['MG'] },
    ]);
    expect(v.links).toEqual([
      link('worker-pool/FR', 'root', 'CONTRACTED_BY', {
        links: 2,
        pricesKnown: 1,
        priceMin: 0.2,
        priceMax: 0.2,
        pricesWithheld: 1,
      }),
      link('worker-pool/MG', 'root', 'CONTRACTED_BY', { pricesWithheld: 1 }),
    ]);
    const text = JSON.stringify(r);
    for (const figure of ['0.0137', '0.0171', ':3,', ':7,', ':203', ':3}', ':7}']) expect(text).not.toContain(figure);
  });

  it('respects asOf, direction and limit', async () => {
    // In mid-2022 Pool B still worked for Vendo Data.
    const then = await api.query(GROUPS, { id: 't-vendor', depth: 1, asOf: '2022-06-01' });
    expect(then.data!.cascadeGroups.groups.map((g: any) => g.id)).toEqual([
      'root',
      'platform/1',
      'undisclosed/1',
      'worker-pool/MG',
    ]);
    const now = await api.query(GROUPS, { id: 't-vendor', depth: 1, asOf: '2024-01-01' });
    expect(now.data!.cascadeGroups.groups.map((g: any) => g.id)).toEqual(['root', 'platform/1', 'undisclosed/1']);
    const down = await api.query(GROUPS, { id: 't-vendor', depth: 2, asOf: '2024-01-01', dir: 'OUTGOING' });
    expect(down.data!.cascadeGroups.groups.map((g: any) => g.id)).toEqual(['root', 'client/2', 'undisclosed/1']);
    const cut = await api.query(GROUPS, { id: 't-client', depth: 3, asOf: '2024-01-01', limit: 3 });
    expect(cut.data!.cascadeGroups).toMatchObject({ truncated: true, groupedNodes: 3 });
    expect(cut.data!.cascadeGroups.groups.reduce((n: number, g: any) => n + g.members, 0)).toBe(3);
  });

  it('refuses bad arguments with a code and a way out', async () => {
    const big = await api.query(GROUPS, { id: 't-client', limit: 20_001 });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toContain('limit must be a whole number from 1 to 20000');
    const none = await api.query(GROUPS, { id: 'no-such-thing' });
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('cascadeGroupMembers', () => {
  it('lists a group in id order, page by page, and searches inside it', async () => {
    const first = await api.query(MEMBERS, { id: 't-client', depth: 3, group: 'platform/3', first: 1 });
    expect(first.errors).toBeUndefined();
    const p1 = first.data!.cascadeGroupMembers;
    expect(p1.nodes.map((n: any) => n.id)).toEqual(['t-contract']);
    expect(p1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const p2 = (
      await api.query(MEMBERS, {
        id: 't-client',
        depth: 3,
        group: 'platform/3',
        first: 1,
        after: p1.pageInfo.endCursor,
      })
    ).data!.cascadeGroupMembers;
    expect(p2.nodes.map((n: any) => n.id)).toEqual(['t-recruit']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const found = (await api.query(MEMBERS, { id: 't-client', depth: 3, group: 'platform/3', name: 'REKRUT' })).data!
      .cascadeGroupMembers;
    expect(found).toMatchObject({ totalCount: 1, nodes: [{ id: 't-recruit', name: 'Rekrut Platform' }] });
  });

  it("withholds a small pool's size among the members, and refuses a cursor it did not give", async () => {
    const r = await api.query(MEMBERS, { id: 't-client', depth: 3, group: 'worker-pool/KE' });
    expect(r.data!.cascadeGroupMembers.nodes).toEqual([
      { id: 't-pool-c', name: 'Pool C', kind: 'worker-pool', size: null, sizeSuppressed: true },
    ]);
    const bad = await api.query(MEMBERS, { id: 't-client', depth: 3, group: 'platform/3', after: 'nonsense' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await api.query(MEMBERS, { id: 't-client', depth: 3, group: 'no/such' });
    expect(empty.data!.cascadeGroupMembers).toEqual({
      nodes: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});
