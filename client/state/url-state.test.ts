import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ViewState } from './explorer-state.js';
import { decodeState, encodeState } from './url-state.js';

describe('view state in the URL', () => {
  it('round-trips every field, expansions and highlighted evidence included', () => {
    const state: ViewState = {
      root: 'ex-taskora',
      to: 'ex-megacorp',
      view: 'provenance',
      depth: 4,
      limit: 2000,
      direction: 'INCOMING',
      asOf: '2020-06-01',
      recordedAt: '2026-12-04T15:00:02.500Z',
      selected: 'SUBCONTRACTS_FOR:a->b',
      hiddenTypes: ['FEEDS', 'OWNED_BY'],
      hiddenKinds: ['vendor'],
      hiddenCountries: ['MG'],
      expansions: ['ex-broker', 'id,with,commas'],
      highlight: { kind: 'claim', id: 'claim-1' },
      presentation: 'table',
      grouping: 'off',
    };
    expect(decodeState(encodeState(state))).toEqual(state);
    for (const highlight of [
      { kind: 'indicator', organization: 'org:with:colons', id: 'role-split' },
      { kind: 'who-works-for', id: 'pool-1' },
      { kind: 'workforce', id: 'org-1' },
    ] as const) {
      expect(decodeState(encodeState({ ...state, highlight })).highlight).toEqual(highlight);
    }
  });

  it('keeps the URL short for the defaults', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(encodeState({ ...DEFAULT_STATE, root: 'x' })).toBe('?root=x');
  });

  it('falls back to defaults for values it does not know', () => {
    expect(
      decodeState(
        '?depth=99&dir=SIDEWAYS&asOf=yesterday&recordedAt=2026-12-04&view=map&limit=7&hl=nonsense&exp=&as=chart',
      ),
    ).toEqual(DEFAULT_STATE);
    expect(decodeState('?hl=indicator:org-only').highlight).toBeNull();
    for (const bad of ['now', '2026-12-04T15:00:00', '2026-13-40T15:00:00Z', '2026-12-04 15:00:00Z'])
      expect(decodeState(`?recordedAt=${encodeURIComponent(bad)}`).recordedAt, bad).toBeNull();
  });

  it('holds the recorded moment in UTC, whatever offset the link was written with', () => {
    expect(decodeState('?recordedAt=2026-12-04T16:00%2B01:00').recordedAt).toBe('2026-12-04T15:00:00.000Z');
    expect(encodeState({ ...DEFAULT_STATE, root: 'x', recordedAt: '2026-12-04T15:00:00.000Z' })).toBe(
      '?root=x&recordedAt=2026-12-04T15%3A00%3A00.000Z',
    );
  });

  it('accepts only the views it is told exist', () => {
    expect(decodeState('?view=timeline', ['cascade', 'timeline']).view).toBe('timeline');
    expect(decodeState('?view=timeline').view).toBe('cascade');
    expect(decodeState('?view=connections&root=a&to=b')).toMatchObject({ view: 'connections', root: 'a', to: 'b' });
  });
});
