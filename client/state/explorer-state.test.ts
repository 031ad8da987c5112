import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, loadKey, sceneKey, transition, type Action, type ViewState } from './explorer-state.js';
import { createStore } from './store.js';

const opened: ViewState = {
  ...DEFAULT_STATE,
  root: 'a',
  expansions: ['b'],
  selected: 'b',
  highlight: { kind: 'claim', id: 'c1' },
};

describe('explorer state transitions', () => {
  it('opening a view starts afresh: no selection, expansion or highlight', () => {
    const next = transition(opened, { type: 'open', view: 'provenance', root: 't' });
    expect(next).toMatchObject({ view: 'provenance', root: 't', selected: null, expansions: [], highlight: null });
    expect(opened.expansions).toEqual(['b']); // never mutated
  });

  it('toggling an expansion adds it, and again takes it away', () => {
    const once = transition(DEFAULT_STATE, { type: 'toggle-expansion', id: 'x' });
    const twice = transition(once, { type: 'toggle-expansion', id: 'x' });
    expect(once.expansions).toEqual(['x']);
    expect(twice.expansions).toEqual([]);
    expect(loadKey(once)).toBe(loadKey(DEFAULT_STATE));
    expect(sceneKey(once)).not.toBe(sceneKey(DEFAULT_STATE));
  });

  it('a new date, recorded moment or depth drops expansions and highlights, but keeps the selection', () => {
    for (const action of [
      { type: 'set-date', asOf: '2020-01-01' },
      { type: 'set-recorded-at', recordedAt: '2026-12-04T15:00:00.000Z' },
      { type: 'set-options', depth: 3 },
    ] as Action[]) {
      const next = transition(opened, action);
      expect(next.expansions).toEqual([]);
      expect(next.highlight).toBeNull();
      expect(next.selected).toBe('b');
    }
  });

  it('options that change nothing, or are out of range, return the same state', () => {
    expect(transition(opened, { type: 'set-options', depth: 2 })).toBe(opened);
    expect(transition(opened, { type: 'set-options', depth: 99, limit: 7 })).toBe(opened);
    expect(transition(opened, { type: 'set-date', asOf: null })).toBe(opened);
    expect(transition(opened, { type: 'set-recorded-at', recordedAt: null })).toBe(opened);
  });

  it('the recorded moment is part of what is loaded', () => {
    const recorded = transition(opened, { type: 'set-recorded-at', recordedAt: '2026-12-04T15:00:00.000Z' });
    expect(recorded.recordedAt).toBe('2026-12-04T15:00:00.000Z');
    expect(loadKey(recorded)).not.toBe(loadKey(opened));
    expect(transition(recorded, { type: 'set-recorded-at', recordedAt: null }).recordedAt).toBeNull();
  });

  it('filters and selection do not change what is loaded', () => {
    const filtered = transition(opened, { type: 'set-filters', filters: { hiddenTypes: ['FEEDS'] } });
    const selected = transition(filtered, { type: 'select', id: 'z' });
    expect(sceneKey(selected)).toBe(sceneKey(opened));
    expect(selected.hiddenTypes).toEqual(['FEEDS']);
  });

  it('clearing the selection clears the highlight too', () => {
    expect(transition(opened, { type: 'clear-selection' })).toMatchObject({
      selected: null,
      highlight: null,
      expansions: ['b'],
    });
  });
});

describe('the store', () => {
  it('tells subscribers of each change with the previous state, and not of a no-op', () => {
    const store = createStore(DEFAULT_STATE, transition);
    const seen: [string | null, string | null][] = [];
    const stop = store.subscribe((next, previous) => seen.push([previous.root, next.root]));
    store.dispatch({ type: 'open', view: 'cascade', root: 'a' });
    store.dispatch({ type: 'set-options', depth: 2 });
    stop();
    store.dispatch({ type: 'open', view: 'cascade', root: 'b' });
    expect(seen).toEqual([[null, 'a']]);
    expect(store.get().root).toBe('b');
  });
});
