import { describe, expect, it } from 'vitest';
import { entityKind, rows, toEntity, toGraphNode, toLink, workerShare } from './to-models.js';

describe('rows to API models', () => {
  it('gives tasks, pools and AI products their fixed kind, and a task its kind of work as taskKind', () => {
    expect(entityKind({ id: 'o', labels: ['Organization', 'Entity'], kind: 'vendor' })).toBe('vendor');
    const task = toEntity({ id: 't', name: 'T', labels: ['Entity', 'Task'], kind: 'annotation', unitPayEur: 0.05, sources: [{ id: 's', title: 'S', type: 'press' }] });
    expect(task).toMatchObject({ __typename: 'Task', kind: 'task', taskKind: 'annotation', unitPayEur: 0.05, aliases: [] });
    expect(task.sources).toEqual([{ id: 's', title: 'S', type: 'press', url: null, date: null, publisher: null }]);
    expect(toGraphNode({ id: 'p', name: 'P', labels: ['WorkerPool'], size: 12, country: 'MG' })).toEqual({ id: 'p', name: 'P', kind: 'worker-pool', country: 'MG', taskKind: null, size: 12 });
  });

  it('refuses a row with no entity label instead of guessing', () => {
    expect(() => toEntity({ id: 'x', labels: ['Source'] })).toThrow(/none of the entity labels/);
  });

  it('turns missing or mistyped link fields into nulls, never into strings', () => {
    expect(toLink({ id: 'l', type: 'FEEDS', from: 'a', to: 'b', pricePerUnitEur: '3', confidence: 0.5 }))
      .toEqual({ id: 'l', type: 'FEEDS', from: 'a', to: 'b', since: null, until: null, disclosedToWorkers: null, pricePerUnitEur: null, use: null, confidence: 0.5, note: null, sources: [] });
    expect(rows(null)).toEqual([]);
  });

  it('computes the worker\'s share to 6 decimals, or null when it cannot be known', () => {
    expect(workerShare(0.02, 0.3)).toBe(0.066667);
    expect(workerShare(null, 1)).toBeNull();
    expect(workerShare(1, 0)).toBeNull();
  });
});
