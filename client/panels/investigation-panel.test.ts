import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/explorer-state.js';
import { pinned, timesText } from './investigation-panel.js';

describe('a saved or shared view keeps both times', () => {
  const moment = '2026-12-04T15:00:02.000Z';

  it('pins a view of today and of the store as it is now to the moment it is saved', () => {
    expect(pinned({ ...DEFAULT_STATE, root: 'a' }, moment)).toMatchObject({
      root: 'a',
      asOf: '2026-12-04',
      recordedAt: moment,
    });
  });

  it('keeps the times the author chose', () => {
    const chosen = { ...DEFAULT_STATE, asOf: '2020-01-01', recordedAt: '2026-01-01T00:00:00.000Z' };
    expect(pinned(chosen, moment)).toEqual(chosen);
  });

  it('says both times in words', () => {
    expect(timesText({ asOf: '2020-01-01', recordedAt: moment })).toBe(
      'links valid on 2020-01-01, as recorded on 4 December 2026, 15:00:02 UTC',
    );
    expect(timesText({ asOf: '2020-01-01', recordedAt: null })).toBe('links valid on 2020-01-01, as recorded now');
  });
});
