// What a change touched, for verdict keeping: record ids and link ends, claims by their id, the wage table; an import's diff.
import { describe, expect, it } from 'vitest';
import { addDatasetDiff, addFootprint, addState, nothingTouched, type StateRow } from './verdict-anchors.js';

describe('addState', () => {
  it('a link anchors on its id and both ends, from a dataset version or the store snapshot alike', () => {
    const t = nothingTouched();
    addState(t, 'l1', { section: 'links', item: { id: 'l1', type: 'SUBCONTRACTS_FOR', from: 'a', to: 'b' } });
    addState(t, 'l2', { shape: 'link', label: 'CONTRACTED_BY', from: 'p', to: 'c', props: { id: 'l2' } });
    expect([...t.anchors].sort()).toEqual(['a', 'b', 'c', 'l1', 'l2', 'p']);
    expect(t.claims.size).toBe(0);
  });

  it('a claim is named itself, not anchored; a pay report anchors on its pool; a wage reference touches the wage table', () => {
    const t = nothingTouched();
    addState(t, 'c1', { section: 'claims', item: { id: 'c1', subject: 'org', by: 'org' } });
    addState(t, 'pr', { section: 'payReports', item: { id: 'pr', pool: 'w' } });
    addState(t, 'wr', { shape: 'node', label: 'WageReference', props: { id: 'wr' } });
    expect([...t.claims]).toEqual(['c1']);
    expect(t.anchors.has('w')).toBe(true);
    expect(t.wage).toBe(true);
  });

  it('a state that is gone (null) touches only its record', () => {
    const t = nothingTouched();
    addState(t, 'x', null);
    expect([...t.anchors]).toEqual(['x']);
  });
});

describe('addDatasetDiff', () => {
  const row = (
    key: string,
    props: Record<string, unknown>,
    ends: [string, string] | null = null,
    label: string | null = null,
  ): StateRow => ({ key, label, from: ends?.[0] ?? null, to: ends?.[1] ?? null, props });

  it('anchors only on what differs: added, removed, other ends or properties (in any key order)', () => {
    const t = nothingTouched();
    addDatasetDiff(
      t,
      [
        row('same', { a: 1, b: 2 }),
        row('gone', {}),
        row('SC:l', { id: 'l' }, ['x', 'y']),
        row('moved', {}, ['m', 'n']),
      ],
      [
        row('same', { b: 2, a: 1 }),
        row('new', {}),
        row('SC:l', { id: 'l', price: 1 }, ['x', 'y']),
        row('moved', {}, ['m', 'o']),
        row('c', {}, null, 'Claim'),
      ],
    );
    expect([...t.anchors].sort()).toEqual(['gone', 'm', 'n', 'new', 'o', 'x', 'y']);
    expect([...t.claims]).toEqual(['c']);
  });
});

describe('addFootprint', () => {
  it('names claims, anchors ids and link ends, and marks the wage table, from the rows of a change footprint', () => {
    const t = nothingTouched();
    addFootprint(t, [
      { kind: 'claim', id: 'c1' },
      { kind: 'anchor', id: 'org' },
      { kind: 'anchor', id: 'pool' },
      { kind: 'wage', id: 'wr' },
      { kind: 'anchor', id: null },
    ]);
    expect([...t.claims]).toEqual(['c1']);
    expect([...t.anchors].sort()).toEqual(['org', 'pool']);
    expect(t.wage).toBe(true);
    expect(t.all).toBe(false);
  });
});
