import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layeredPositions, rowHeight, rowsPerColumn } from './layered-layout.js';
import { stylesheet } from './style.js';
import { changes, edgeLabel, formatEur, mergeSubgraphs, toElements, unknownVocabulary } from './to-elements.js';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';

function headless(elements: ReturnType<typeof toElements>) {
  return cytoscape({ headless: true, styleEnabled: true, style: stylesheet(), elements });
}

describe('toElements', () => {
  it('draws a link type or kind it does not know in the neutral style, and reports it, never drops it', () => {
    const v = viewFixture();
    const odd = {
      ...v,
      nodes: [
        ...v.nodes,
        {
          id: 'v-new',
          name: 'New thing',
          kind: 'cooperative',
          country: null,
          taskKind: null,
          size: null,
          sizeSuppressed: false,
        },
      ],
      edges: [
        ...v.edges,
        { ...v.edges[0]!, id: 'ACQUIRED_BY:v-platform->v-new', type: 'ACQUIRED_BY', from: 'v-platform', to: 'v-new' },
      ],
    };
    const cy = headless(toElements(odd));
    expect(cy.getElementById('ACQUIRED_BY:v-platform->v-new').hasClass('type-unknown')).toBe(true);
    expect(cy.getElementById('v-new').hasClass('kind-unknown')).toBe(true);
    expect(cy.getElementById('ACQUIRED_BY:v-platform->v-new').style('line-color')).toBe('rgb(158,158,158)');
    expect(unknownVocabulary(odd)).toEqual({ linkTypes: ['ACQUIRED_BY'], kinds: ['cooperative'] });
    expect(unknownVocabulary(v)).toEqual({ linkTypes: [], kinds: [] });
  });

  it('gives every node and edge its id, kind and link-type classes, loadable by Cytoscape', () => {
    const cy = headless(toElements(viewFixture()));
    expect(cy.nodes().length).toBe(5);
    expect(cy.edges().length).toBe(4);
    expect(cy.getElementById('v-broker').hasClass('kind-undisclosed')).toBe(true);
    expect(cy.getElementById('CONTRACTED_BY:v-pool->v-platform').hasClass('type-CONTRACTED_BY')).toBe(true);
  });

  it('marks links not disclosed to workers or touching an undisclosed party, and links without a source', () => {
    const cy = headless(toElements(viewFixture()));
    const cls = (id: string) => cy.getElementById(id).classes();
    expect(cls('SUBCONTRACTS_FOR:v-platform->v-broker')).toEqual(expect.arrayContaining(['undisclosed', 'unsourced']));
    expect(cls('SUBCONTRACTS_FOR:v-broker->v-client')).toContain('undisclosed');
    expect(cls('CONTRACTED_BY:v-pool->v-platform')).not.toContain('undisclosed');
    expect(cls('CONTRACTED_BY:v-pool->v-platform')).not.toContain('unsourced');
  });

  it('labels edges with the price per unit or the AI use', () => {
    const [, contract] = viewFixture().edges;
    expect(edgeLabel(contract!)).toBe('€0.02/unit');
    expect([0.025, 0.1, 6].map(formatEur)).toEqual(['€0.025', '€0.10', '€6.00']);
    expect(edgeLabel({ ...contract!, type: 'FEEDS', use: 'imitation', pricePerUnitEur: null })).toBe('imitation');
  });

  it('filters link types, organisation kinds and countries, dropping edges that lose an end', () => {
    const cy = headless(
      toElements(viewFixture(), {
        hiddenTypes: ['PERFORMED_BY'],
        hiddenKinds: ['undisclosed'],
        hiddenCountries: ['DE'],
      }),
    );
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['v-platform', 'v-pool', 'v-task']);
    expect(cy.edges().map((e) => e.id())).toEqual(['CONTRACTED_BY:v-pool->v-platform']);
  });

  it("adds a note under a node's name, such as the worker's share", () => {
    const cy = headless(
      toElements(viewFixture(), undefined, { nodeNotes: { 'v-pool': 'gets €0.08 of each €1 the client pays' } }),
    );
    expect(cy.getElementById('v-pool').data('label')).toBe('Pool in Madagascar\ngets €0.08 of each €1 the client pays');
  });

  it("never filters out the view's root", () => {
    const cy = headless(
      toElements(
        viewFixture(),
        { hiddenTypes: [], hiddenKinds: ['undisclosed'], hiddenCountries: [] },
        { keep: 'v-broker' },
      ),
    );
    expect(cy.getElementById('v-broker').length).toBe(1);
  });

  it('merges an expansion without duplicates and reports what a new date adds and removes', () => {
    const a = viewFixture();
    const b = {
      ...viewFixture(),
      nodes: [
        ...viewFixture().nodes.slice(0, 2),
        { id: 'v-new', name: 'New', kind: 'vendor', country: 'FR', taskKind: null, size: null, sizeSuppressed: false },
      ],
      edges: viewFixture().edges.slice(0, 1),
    };
    expect(mergeSubgraphs(a, b).nodes).toHaveLength(6);
    const diff = changes(a, b);
    expect(diff.appeared).toEqual(['v-new']);
    expect(diff.disappeared).toHaveLength(3 + 3);
  });
});

describe('layeredPositions', () => {
  it('puts workers left of platforms, platforms left of clients, and centres each column', () => {
    const nodes = viewFixture().nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.name }));
    const p = layeredPositions([...nodes, { id: 'v-pool-2', kind: 'worker-pool', label: 'Another pool' }]);
    expect(p['v-task']!.x).toBeLessThan(p['v-pool']!.x);
    expect(p['v-pool']!.x).toBeLessThan(p['v-platform']!.x);
    expect(p['v-platform']!.x).toBeLessThan(p['v-broker']!.x);
    expect(p['v-broker']!.x).toBeLessThan(p['v-client']!.x);
    expect(p['v-pool']!.x).toBe(p['v-pool-2']!.x);
    expect(p['v-pool']!.y + p['v-pool-2']!.y).toBe(0);
  });

  it('gives a long name room, so that its label never runs into the next node', () => {
    const long =
      'Large international platforms operating in France that practise « deep labour », not named (hearing, question 5)';
    const p = layeredPositions([
      { id: 'a', kind: 'undisclosed', label: long },
      { id: 'b', kind: 'undisclosed', label: 'Short' },
    ]);
    expect(rowHeight(long)).toBeGreaterThan(150);
    expect(Math.abs(p.a!.y - p.b!.y)).toBe((rowHeight(long) + rowHeight('Short')) / 2);
  });

  it('wraps a column of thousands into a block about as wide as it is tall, still in role order left to right', () => {
    const pools = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, kind: 'worker-pool', label: `Pool ${i}` }));
    const nodes = [
      { id: 't', kind: 'task', label: 'Task' },
      ...pools,
      { id: 'x', kind: 'platform', label: 'Platform' },
      { id: 'c', kind: 'client', label: 'Client' },
    ];
    const p = layeredPositions(nodes);
    const xs = Object.values(p).map((q) => q.x);
    const ys = Object.values(p).map((q) => q.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(height / width).toBeLessThan(1.2);
    expect(height / width).toBeGreaterThan(0.3);
    const poolXs = pools.map((q) => p[q.id]!.x);
    expect(p.t!.x).toBeLessThan(Math.min(...poolXs));
    expect(Math.max(...poolXs)).toBeLessThan(p.x!.x);
    expect(p.x!.x).toBeLessThan(p.c!.x);
    // Every node has its own place.
    expect(new Set(Object.values(p).map((q) => `${q.x},${q.y}`)).size).toBe(nodes.length);
    // A small view does not wrap.
    expect(rowsPerColumn([3, 5, 2])).toBeGreaterThanOrEqual(5);
  });
});
