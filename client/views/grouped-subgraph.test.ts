import { describe, expect, it } from 'vitest';
import type { GroupedView } from '../api/types.js';
import {
  GROUPED_THRESHOLD,
  groupSentences,
  groupsToSubgraph,
  membersToSubgraph,
  priceNote,
  visualItems,
} from './grouped-subgraph.js';

const pools = {
  id: 'worker-pool/KE',
  label: 'Worker pools in KE',
  kind: 'worker-pool',
  countries: ['KE'],
  depthMin: 2,
  depthMax: 3,
  members: 40,
  withheldPools: 3,
  unknownSizes: 2,
  workersKnown: 1200,
  sizeMin: 12,
  sizeMax: 400,
};
const view: GroupedView = {
  groups: [
    {
      id: 'root',
      label: 'Klient AI',
      kind: 'client',
      countries: ['DE'],
      depthMin: 0,
      depthMax: 0,
      members: 1,
      withheldPools: 0,
      unknownSizes: 0,
      workersKnown: null,
      sizeMin: null,
      sizeMax: null,
    },
    pools,
  ],
  links: [
    {
      from: 'worker-pool/KE',
      to: 'root',
      type: 'CONTRACTED_BY',
      links: 300,
      pricesKnown: 20,
      priceMin: 0.01,
      priceMax: 0.05,
      pricesWithheld: 3,
    },
  ],
  truncated: false,
  totalNodes: 41,
  groupedNodes: 41,
};

describe('grouped subgraph', () => {
  it('counts what the members would draw against the threshold', () => {
    expect(visualItems(view)).toBe(341);
    expect(visualItems(view)).toBeGreaterThan(GROUPED_THRESHOLD);
  });

  it('draws the root as itself, each other group as one node with its count, and group links with what they stand for', () => {
    const g = groupsToSubgraph(view, 't-client');
    expect(g.nodes.map((n) => [n.id, n.name, n.size])).toEqual([
      ['t-client', 'Klient AI', null],
      ['group:worker-pool/KE', 'Worker pools in KE (40)', 1200],
    ]);
    expect(g.edges).toMatchObject([
      { from: 'group:worker-pool/KE', to: 't-client', type: 'CONTRACTED_BY', pricePerUnitEur: null },
    ]);
    expect(priceNote(view.links[0]!)).toBe(
      '300 links between these groups; €0.01–€0.05 per unit (20 prices known); 3 prices withheld (small groups of workers)',
    );
  });

  it('says what a group withholds, and ties its members to it', () => {
    expect(groupSentences(pools)).toEqual([
      '40 entities of kind worker-pool, 2–3 hops from the root.',
      '1,200 workers in the pools whose size is known and shown (pools of 12 to 400).',
      '2 pools of unknown size.',
      '3 pools are small groups of workers: counted here, never in the figures.',
    ]);
    const page = {
      nodes: [
        { id: 'p1', name: 'P1', kind: 'worker-pool', country: 'KE', taskKind: null, size: null, sizeSuppressed: true },
      ],
      totalCount: 40,
      pageInfo: { hasNextPage: true, endCursor: 'x' },
    };
    expect(membersToSubgraph('group:worker-pool/KE', page)).toMatchObject({
      truncated: true,
      totalNodes: 40,
      edges: [{ type: 'PART_OF', from: 'p1', to: 'group:worker-pool/KE' }],
    });
  });
});
