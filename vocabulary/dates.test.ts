import { describe, expect, it } from 'vitest';
import { isMoment, momentInWords } from './dates.js';

describe('moments (recordedAt)', () => {
  it('takes what the API takes, and says it in UTC words', () => {
    expect(isMoment('2026-12-04T15:00:00Z')).toBe(true);
    expect(isMoment('2026-12-04T16:00+01:00')).toBe(true);
    for (const bad of ['2026-12-04', '2026-12-04T15:00:00', '2026-02-31T99:00:00Z', 'now'])
      expect(isMoment(bad), bad).toBe(false);
    expect(momentInWords('2026-12-04T16:00:02.5+01:00')).toBe('4 December 2026, 15:00:02 UTC');
  });
});
