import { describe, expect, it } from 'vitest';
import { toScorecardPay } from './scorecard-pay.js';

const src = [{ id: 's', title: 'Survey (fictional)' }];
const pool = (id: string, size: number) => ({
  id,
  name: id,
  country: 'MG',
  size,
  labels: ['WorkerPool', 'Record'],
  sources: [],
});
const report = (poolId: string, id: string, min: number, max: number, sources = src) => ({
  poolId,
  report: { id, min, max, currency: 'MGA', unit: 'hour', since: '2019', reportedBy: 'workers', sources },
});
const tables = {
  wageReferences: [
    {
      id: 'ref-min',
      country: 'MG',
      year: 2019,
      kind: 'legal-minimum',
      amount: 1000,
      currency: 'MGA',
      unit: 'hour',
      sources: src,
    },
  ],
  exchangeRates: [],
};

describe('the scorecard pay indicator', () => {
  it('counts each pool once by its lowest sourced report: below, spanning or at or above the reference', () => {
    const m = toScorecardPay(
      {
        pools: 5,
        withheld: 1,
        paidPools: [pool('a', 20), pool('b', 20), pool('c', 20), pool('d', 20)],
        reports: [
          report('a', 'a1', 500, 800),
          report('a', 'a2', 1200, 1300),
          report('b', 'b1', 900, 1100),
          report('c', 'c1', 1000, 1500),
          report('d', 'd1', 10, 20, []),
        ],
        ...tables,
      },
      10,
    );
    expect(m).toMatchObject({ pools: 5, withheld: 1, withPay: 4, withSourcedPay: 3, withHourly: 3 });
    expect(m.legalMinimum).toMatchObject({
      compared: 3,
      below: 1,
      spanning: 1,
      atOrAbove: 1,
      notComparable: 0,
      ratioMin: 0.5,
      ratioMax: 1.5,
    });
    expect(m.legalMinimum.references.map((r) => r.id)).toEqual(['ref-min']);
    expect(m.livingWage).toMatchObject({ compared: 0, notComparable: 3, ratioMin: null, references: [] });
    expect(m.value).toBe(
      '3 of 5 pools with sourced pay, 3 with an hourly range; legal minimum wage: 1 below, 1 spanning it, 1 at or above (0.5–1.5×; MG 2019); ' +
        "living wage: no pool's pay can be compared; 1 small group withheld",
    );
  });

  it('leaves out a pool known to be small even when its reports reach it', () => {
    const m = toScorecardPay(
      { pools: 1, withheld: 0, paidPools: [pool('tiny', 3)], reports: [report('tiny', 't1', 1, 2)], ...tables },
      10,
    );
    expect(m.workerPools).toEqual([]);
    expect(m.reports.size).toBe(0);
    expect(m.withPay).toBe(0);
  });
});
