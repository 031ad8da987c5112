import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datesPassedSummary, msUntilNextUtcDay, type DatedLink } from './verdict-days.js';

describe('msUntilNextUtcDay', () => {
  it('waits until five seconds past the next midnight, UTC', () => {
    expect(msUntilNextUtcDay(new Date('2026-12-06T23:59:59Z'))).toBe(6_000);
    expect(msUntilNextUtcDay(new Date('2026-12-31T12:00:00Z'))).toBe(12 * 3_600_000 + 5_000);
    // Exactly at midnight: the next one, not now.
    expect(msUntilNextUtcDay(new Date('2027-01-01T00:00:00Z'))).toBe(86_405_000);
  });

  it('always lands in the next UTC day, whatever the moment', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (now) => {
        const wait = msUntilNextUtcDay(now);
        const then = new Date(now.getTime() + wait);
        const day = (d: Date) => Math.floor(d.getTime() / 86_400_000);
        expect(wait).toBeGreaterThan(0);
        expect(day(then)).toBe(day(now) + 1);
        expect(then.getUTCSeconds()).toBe(5);
      }),
    );
  });
});

describe('datesPassedSummary', () => {
  const link = (i: number, starts: boolean): DatedLink => ({
    type: 'CONTRACTED_BY',
    id: `l${i}`,
    fromId: 'p',
    toId: 'o',
    day: `2027-01-0${i}`,
    starts,
  });

  it('names the first links, counts the others, and says what was judged', () => {
    const text = datesPassedSummary(
      { from: '2026-12-31', to: '2027-01-09', judged: 3, changed: 1 },
      [1, 2, 3, 4, 5, 6, 7].map((i) => link(i, i % 2 === 0)),
    );
    expect(text).toBe(
      'dates passed from 2026-12-31 to 2027-01-09: 7 links started or ended (CONTRACTED_BY l1 holds until 2027-01-01; ' +
        'CONTRACTED_BY l2 starts 2027-01-02; CONTRACTED_BY l3 holds until 2027-01-03; CONTRACTED_BY l4 starts 2027-01-04; ' +
        'CONTRACTED_BY l5 holds until 2027-01-05; and 2 more); 3 claims judged again for 2027-01-09, 1 verdict changed',
    );
  });

  it('speaks of one link and one claim in the singular', () => {
    expect(datesPassedSummary({ from: 'a', to: 'b', judged: 1, changed: 1 }, [link(1, true)])).toMatch(
      /1 link started or ended .*1 claim judged again for b, 1 verdict changed$/,
    );
  });
});
