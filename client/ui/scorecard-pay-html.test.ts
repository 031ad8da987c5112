import { describe, expect, it } from 'vitest';
import type { ScorecardPay } from '../api/types.js';
import { scorecardPayHtml } from './scorecard-pay-html.js';
import { sourceRow } from '../../tests/support/source-row.js';

const source = sourceRow({ id: 's', title: 'Survey <fictional>', type: 'report' });
const against = (kind: string): ScorecardPay['legalMinimum'] => ({
  kind,
  compared: 2,
  below: 1,
  spanning: 0,
  atOrAbove: 1,
  notComparable: 1,
  ratioMin: 0.36,
  ratioMax: 1.5,
  references: [{ id: `r-${kind}`, country: 'MG', year: 2019, sources: [source] }],
});
const gap = {
  reference: { id: 'r', country: 'MG', year: 2019, sources: [source] },
  ratioMin: 0.36,
  ratioMax: 0.72,
  steps: ['a step'],
  reason: null,
};
const pay: ScorecardPay = {
  pools: 4,
  withheld: 1,
  withPay: 3,
  withSourcedPay: 2,
  withHourly: 2,
  value: 'v',
  legalMinimum: against('legal-minimum'),
  livingWage: against('living-wage'),
  workerPools: [
    {
      id: 'p1',
      name: 'Pool <one>',
      country: 'MG',
      paySuppressed: false,
      pay: [
        {
          id: 'pay-1',
          reported: '€0.03 a task',
          reportedBy: 'workers',
          since: '2019',
          until: null,
          taskName: null,
          hourly: { min: 1.8, max: 3.6, currency: 'EUR' },
          hourlyNote: null,
          hourlySteps: [],
          sources: [source],
          legalMinimum: gap,
          livingWage: gap,
        },
      ],
    },
  ],
};

describe('the scorecard pay indicator in the panel', () => {
  it("gives the counts, the ratio range with each reference and its source, the small groups withheld, and each pool's reports, escaped", () => {
    const html = scorecardPayHtml(pay);
    expect(html).toContain('1 small group withheld');
    expect(html).toContain(
      '1 below, 0 spanning it, 1 at or above, 1 cannot be compared; 0.36–1.5× (MG 2019: Survey &lt;fictional&gt;)',
    );
    expect(html).toContain('1 more with pay that cites no source');
    expect(html).toContain('data-scorecard-pool="p1"');
    expect(html).toContain('Pool &lt;one&gt;');
    expect(html).toContain('€0.03 a task');
    expect(html).not.toContain('<one>');
  });

  it('says when no workforce is known', () => {
    expect(scorecardPayHtml({ ...pay, pools: 0, withheld: 0, workerPools: [] })).toContain(
      'No workforce is known behind it',
    );
  });
});
