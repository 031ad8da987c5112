import { describe, expect, it } from 'vitest';
import {
  entityKind,
  rows,
  sourceIndex,
  toEntity,
  toEntityWithSources,
  toGraphNode,
  toLink,
  workerShare,
} from './to-models.js';
import { protectEntity, protectSubgraph } from './small-groups.js';
import { FIELD_SPECS, type FieldShape } from '../../format/field-specs.js';
import { sourceRow } from '../../tests/support/source-row.js';

describe('rows to API models', () => {
  it('gives tasks, pools and AI products their fixed kind, and a task its kind of work as taskKind', () => {
    expect(entityKind({ id: 'o', labels: ['Organization', 'Entity'], kind: 'vendor' })).toBe('vendor');
    const task = toEntity({
      id: 't',
      name: 'T',
      labels: ['Entity', 'Task'],
      kind: 'annotation',
      unitPayEur: 0.05,
      sources: [{ id: 's', title: 'S', type: 'press' }],
    });
    expect(task).toMatchObject({
      __typename: 'Task',
      kind: 'task',
      taskKind: 'annotation',
      unitPayEur: 0.05,
      aliases: [],
    });
    expect(task.sources).toEqual([sourceRow({ id: 's', title: 'S', type: 'press' })]);
    expect(toGraphNode({ id: 'p', name: 'P', labels: ['WorkerPool'], size: 12, country: 'MG' })).toEqual({
      id: 'p',
      name: 'P',
      kind: 'worker-pool',
      country: 'MG',
      taskKind: null,
      size: 12,
      sizeSuppressed: false,
    });
  });

  it("looks up sources named by id in records read once per answer, in the row's order, leaving out ids not read", () => {
    const index = sourceIndex([
      { id: 'b', title: 'B', type: 'study' },
      { id: 'a', title: 'A', type: 'press' },
    ]);
    const org = (sources: unknown) =>
      toEntityWithSources({ id: 'o', name: 'O', labels: ['Organization'], kind: 'vendor', sources }, index);
    expect(org(['a', 'gone', 'b']).sources.map((s) => s.id)).toEqual(['a', 'b']);
    expect(org(undefined).sources).toEqual([]);
    expect(
      toEntityWithSources(
        { id: 'o', name: 'O', labels: ['Organization'], kind: 'vendor', sources: ['a'] },
        sourceIndex([]),
      ).sources,
    ).toEqual([]);
  });

  it('refuses a row with no entity label instead of guessing', () => {
    expect(() => toEntity({ id: 'x', labels: ['Source'] })).toThrow(/none of the entity labels/);
  });

  it('turns missing or mistyped link fields into nulls, never into strings', () => {
    const link = toLink({ id: 'l', type: 'FEEDS', from: 'a', to: 'b', pricePerUnitEur: '3', confidence: 0.5 });
    const empty = Object.fromEntries(FIELD_SPECS.links.map((f) => [f.name, f.shape === 'list' ? [] : null]));
    expect(link).toEqual({
      ...empty,
      id: 'l',
      type: 'FEEDS',
      from: 'a',
      to: 'b',
      pricePerUnitEur: null,
      confidence: 0.5,
      priceSuppressed: false,
    });
    expect(rows(null)).toEqual([]);
  });

  it('carries every link field the schema lists, by its shape, and names no other', () => {
    const sample: Partial<Record<FieldShape, unknown>> = { number: 0.25, boolean: false, text: 'x', list: ['a', 'b'] };
    const row: Record<string, unknown> = { id: 'l', type: 'CONTROLLED_BY', from: 'a', to: 'b', h: 'hash', recFrom: 3 };
    for (const f of FIELD_SPECS.links)
      if (!['id', 'type', 'from', 'to', 'sources'].includes(f.name)) row[f.name] = sample[f.shape];
    const link = toLink(row) as unknown as Record<string, unknown>;
    for (const f of FIELD_SPECS.links) if (f.name !== 'sources') expect(link[f.name], f.name).toEqual(row[f.name]);
    expect(Object.keys(link).sort()).toEqual([...FIELD_SPECS.links.map((f) => f.name), 'priceSuppressed'].sort());
  });

  it("computes the worker's share to 6 decimals, or null when it cannot be known", () => {
    expect(workerShare(0.02, 0.3)).toBe(0.066667);
    expect(workerShare(null, 1)).toBeNull();
    expect(workerShare(1, 0)).toBeNull();
  });
});

describe('small groups of workers', () => {
  const pool = (size: number | null) => toEntity({ id: 'p', name: 'Pool in a village', labels: ['WorkerPool'], size });
  const task = (performerSizes: (number | null)[]) =>
    toEntity({ id: 't', name: 'T', labels: ['Task'], kind: 'annotation', unitPayEur: 0.05, performerSizes });

  it('withholds the size of a pool known to be smaller than the minimum, and says so', () => {
    expect(protectEntity(pool(2), 10)).toMatchObject({ size: null, sizeSuppressed: true });
    expect(protectEntity(pool(10), 10)).toMatchObject({ size: 10, sizeSuppressed: false });
    expect(protectEntity(pool(null), 10)).toMatchObject({ size: null, sizeSuppressed: false });
    expect(protectEntity(pool(2), 0)).toMatchObject({ size: 2, sizeSuppressed: false });
  });

  it("withholds a task's pay only when small groups alone perform it", () => {
    expect(protectEntity(task([2, 3]), 10)).toMatchObject({ unitPayEur: null, paySuppressed: true });
    expect(protectEntity(task([2, 300]), 10)).toMatchObject({ unitPayEur: 0.05, paySuppressed: false });
    expect(protectEntity(task([2, null]), 10)).toMatchObject({ unitPayEur: 0.05 });
  });

  it("withholds the price of a small pool's contract in a subgraph, and its size", () => {
    const sg = protectSubgraph(
      {
        nodes: [
          toGraphNode({ id: 'p', name: 'P', labels: ['WorkerPool'], size: 3 }),
          toGraphNode({ id: 'o', name: 'O', labels: ['Organization'], kind: 'platform' }),
        ],
        edges: [
          toLink({ id: 'c', type: 'CONTRACTED_BY', from: 'p', to: 'o', pricePerUnitEur: 0.01 }),
          toLink({ id: 's', type: 'SUBCONTRACTS_FOR', from: 'o', to: 'x', pricePerUnitEur: 0.2 }),
        ],
        truncated: false,
        totalNodes: null,
        edgesTruncated: false,
      },
      10,
    );
    expect(sg.nodes[0]).toMatchObject({ size: null, sizeSuppressed: true });
    expect(sg.edges.map((e) => [e.pricePerUnitEur, e.priceSuppressed])).toEqual([
      [null, true],
      [0.2, false],
    ]);
  });
});
