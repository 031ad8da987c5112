// Of several labour chains as short, every answer names the same one whatever the store's order: the one whose link
// ids come first. Before, ANY SHORTEST named whichever the plan met first, so the worker's share of the client's euro,
// the chain a scorecard names as deepest and the path shown could change between two runs of the same question.
// Two copies of one fictional cascade: a pool's platform works for the client through vendor A or vendor B, two chains
// of the same length with different prices and disclosure. In copy x the chain through A has the lower link ids, in
// copy y the chain through B; in both, the chain to be named is written last.
import { describe, expect, it } from 'vitest';
import { importValid } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

function copy(p: string, lowIdsThrough: 'A' | 'B') {
  // The chain through `lowIdsThrough` gets ids starting "1", the other "2".
  const rank = (via: 'A' | 'B') => (via === lowIdsThrough ? '1' : '2');
  const chain = (via: 'A' | 'B', clientPrice: number, disclosed: boolean) => [
    {
      id: `${p}-${rank(via)}-a`,
      type: 'SUBCONTRACTS_FOR',
      from: `${p}-platform`,
      to: `${p}-vendor-${via}`,
      pricePerUnitEur: 0.1,
      disclosedToWorkers: disclosed,
      sources: ['sc-src'],
    },
    {
      id: `${p}-${rank(via)}-b`,
      type: 'SUBCONTRACTS_FOR',
      from: `${p}-vendor-${via}`,
      to: `${p}-client`,
      pricePerUnitEur: clientPrice,
      disclosedToWorkers: disclosed,
      sources: ['sc-src'],
    },
  ];
  const viaA = chain('A', 0.3, true);
  const viaB = chain('B', 0.6, false);
  return {
    organizations: [
      { id: `${p}-platform`, name: `Platform ${p} (fictional)`, kind: 'platform', country: 'FR' },
      { id: `${p}-vendor-A`, name: `Vendor A${p} (fictional)`, kind: 'vendor', country: 'FR' },
      { id: `${p}-vendor-B`, name: `Vendor B${p} (fictional)`, kind: 'vendor', country: 'FR' },
      { id: `${p}-client`, name: `Client ${p} (fictional)`, kind: 'client', country: 'FR' },
    ],
    workerPools: [{ id: `${p}-pool`, name: `Pool ${p} (fictional)`, country: 'MG', size: 200 }],
    tasks: [{ id: `${p}-task`, name: `Task ${p} (fictional)`, kind: 'annotation' }],
    links: [
      {
        id: `${p}-0-pool`,
        type: 'CONTRACTED_BY',
        from: `${p}-pool`,
        to: `${p}-platform`,
        pricePerUnitEur: 0.03,
        disclosedToWorkers: true,
        sources: ['sc-src'],
      },
      { id: `${p}-0-task`, type: 'PERFORMED_BY', from: `${p}-task`, to: `${p}-pool`, sources: ['sc-src'] },
      { id: `${p}-0-order`, type: 'ORDERED_BY', from: `${p}-task`, to: `${p}-client`, sources: ['sc-src'] },
      // The chain to be named last, so that the order the store holds them in cannot be what picks it.
      ...(lowIdsThrough === 'A' ? [...viaB, ...viaA] : [...viaA, ...viaB]),
    ],
  };
}

const x = copy('x', 'A');
const y = copy('y', 'B');
const api = useSeededServer(async (db) => {
  await importValid(db, {
    format: 'deep-labour/v1',
    name: 'Two equally short chains (fictional)',
    sources: [{ id: 'sc-src', title: 'Test scenario (fictional)', type: 'other' }],
    organizations: [...x.organizations, ...y.organizations],
    workerPools: [...x.workerPools, ...y.workerPools],
    tasks: [...x.tasks, ...y.tasks],
    aiProducts: [],
    links: [...x.links, ...y.links],
    claims: [],
  });
});

const data = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

describe('of several chains as short, the one whose link ids come first', () => {
  it("decides the worker's share of the client's euro", async () => {
    const q = `query($t: ID!) { valueChain(taskId: $t) { hops { id } clientPricePerUnitEur workerShare chainsAsShort } }`;
    const [vx] = data(await api.query(q, { t: 'x-task' })).valueChain;
    const [vy] = data(await api.query(q, { t: 'y-task' })).valueChain;
    expect(vx.hops.map((h: { id: string }) => h.id)).toEqual(['x-1-a', 'x-1-b']);
    expect([vx.clientPricePerUnitEur, vx.workerShare]).toEqual([0.3, 0.1]);
    expect(vy.hops.map((h: { id: string }) => h.id)).toEqual(['y-1-a', 'y-1-b']);
    expect([vy.clientPricePerUnitEur, vy.workerShare]).toEqual([0.6, 0.05]);
    // And it says that another chain is as short, which may give another share.
    expect([vx.chainsAsShort, vy.chainsAsShort]).toEqual([2, 2]);
  });

  it('is the path shown for whom a pool works', async () => {
    const q = `query($w: ID!) { whoWorksFor(workerPoolId: $w) { organization { id } depth path { id } } }`;
    const path = async (p: string) =>
      (
        data(await api.query(q, { w: `${p}-pool` })).whoWorksFor as {
          organization: { id: string };
          path: { id: string }[];
        }[]
      )
        .find((b) => b.organization.id === `${p}-client`)!
        .path.map((l) => l.id);
    expect(await path('x')).toEqual(['x-0-pool', 'x-1-a', 'x-1-b']);
    expect(await path('y')).toEqual(['y-0-pool', 'y-1-a', 'y-1-b']);
  });

  it("is the chain the client's scorecard names as its deepest", async () => {
    const q = `query($o: ID!) { scorecard(organizationId: $o) { indicators { id evidence { edges { id } } } } }`;
    const deepest = async (p: string) =>
      (
        data(await api.query(q, { o: `${p}-client` })).scorecard.indicators as {
          id: string;
          evidence: { edges: { id: string }[] };
        }[]
      )
        .find((i) => i.id === 'deepest-chain')!
        .evidence.edges.map((e) => e.id)
        .sort();
    expect(await deepest('x')).toEqual(['x-0-pool', 'x-1-a', 'x-1-b']);
    expect(await deepest('y')).toEqual(['y-0-pool', 'y-1-a', 'y-1-b']);
  });
});
