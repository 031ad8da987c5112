import { describe, expect, it } from 'vitest';
import { workforceTotals } from './workforce-totals.js';

const pool = (id: string, size: number | null) => ({ id, size });

describe('workforceTotals', () => {
  it('adds separate pools, and counts unknown sizes apart', () => {
    expect(workforceTotals([pool('a', 10), pool('b', 5), pool('c', null)], [])).toEqual({
      min: 15,
      max: 15,
      unknownSizes: 1,
    });
  });

  it('never adds a nested estimate to the one it is part of (the DiPLab populations)', () => {
    const pools = [pool('occasional', 260_000), pool('regular', 50_000), pool('very-active', 15_000)];
    const nesting = [
      { type: 'PART_OF', from: 'very-active', to: 'regular' },
      { type: 'PART_OF', from: 'regular', to: 'occasional' },
    ];
    expect(workforceTotals(pools, nesting)).toEqual({ min: 260_000, max: 260_000, unknownSizes: 0 });
  });

  it('gives a range for overlapping estimates, never their sum as a count', () => {
    const pools = [pool('survey-a', 800), pool('survey-b', 500), pool('other', 20)];
    expect(workforceTotals(pools, [{ type: 'OVERLAPS_WITH', from: 'survey-a', to: 'survey-b' }])).toEqual({
      min: 820,
      max: 1320,
      unknownSizes: 0,
    });
  });

  it('takes a part of unknown size as covered by its whole, and a known part as a floor under an unknown whole', () => {
    expect(
      workforceTotals([pool('whole', 100), pool('part', null)], [{ type: 'PART_OF', from: 'part', to: 'whole' }]),
    ).toEqual({ min: 100, max: 100, unknownSizes: 0 });
    expect(
      workforceTotals([pool('whole', null), pool('part', 40)], [{ type: 'PART_OF', from: 'part', to: 'whole' }]),
    ).toEqual({ min: 40, max: 40, unknownSizes: 1 });
  });

  it('ignores links to pools outside the answer, and survives a cycle', () => {
    expect(workforceTotals([pool('a', 10)], [{ type: 'PART_OF', from: 'a', to: 'elsewhere' }])).toEqual({
      min: 10,
      max: 10,
      unknownSizes: 0,
    });
    expect(
      workforceTotals(
        [pool('a', 10), pool('b', 30)],
        [
          { type: 'PART_OF', from: 'a', to: 'b' },
          { type: 'PART_OF', from: 'b', to: 'a' },
        ],
      ),
    ).toEqual({ min: 30, max: 40, unknownSizes: 0 });
  });
});
