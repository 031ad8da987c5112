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
    expect(decodeState('?depth=99&dir=SIDEWAYS&asOf=yesterday&view=map&limit=7&hl=nonsense&exp=&as=chart')).toEqual(
      DEFAULT_STATE,
    );
    expect(decodeState('?hl=indicator:org-only').highlight).toBeNull();
  });

  it('accepts only the views it is told exist', () => {
    expect(decodeState('?view=timeline', ['cascade', 'timeline']).view).toBe('timeline');
    expect(decodeState('?view=timeline').view).toBe('cascade');
    expect(decodeState('?view=connections&root=a&to=b')).toMatchObject({ view: 'connections', root: 'a', to: 'b' });
  });
});
