import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, decodeState, encodeState } from './view-state.js';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const state = {
      root: 'ex-taskora', mode: 'provenance' as const, depth: 4, limit: 2000, direction: 'INCOMING' as const, asOf: '2020-06-01', selected: 'SUBCONTRACTS_FOR:a->b',
      hiddenTypes: ['FEEDS', 'OWNED_BY'], hiddenKinds: ['vendor'], hiddenCountries: ['MG'],
    };
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('keeps the URL short for the defaults', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(encodeState({ ...DEFAULT_STATE, root: 'x' })).toBe('?root=x');
  });

  it('falls back to defaults for values it does not know', () => {
    expect(decodeState('?depth=99&dir=SIDEWAYS&asOf=yesterday&view=map&limit=7')).toEqual(DEFAULT_STATE);
  });
});
