import { describe, expect, it } from 'vitest';
import type { Entity } from '../api/types.js';
import { payHtml } from './pay-html.js';
import { sourceRow } from '../../tests/support/source-row.js';

type Pool = Extract<Entity, { __typename: 'WorkerPool' }>;
const evil = '<img src=x onerror=alert(1)>';
const noGap = (reason: string) => ({ reference: null, ratioMin: null, ratioMax: null, steps: [], reason });
const pool = (pay: Pool['pay'], paySuppressed = false): Pool => ({
  __typename: 'WorkerPool',
  id: 'p',
  name: 'P',
  kind: 'worker-pool',
  country: 'MG',
  size: 40,
  sizeSuppressed: paySuppressed,
  paySuppressed,
  pay,
  note: null,
  sources: [],
});

describe("a worker pool's pay in the details panel", () => {
  it('shows the figure, who reported it, the period, the hourly range and each gap with its steps, escaped', () => {
    const html = payHtml(
      pool([
        {
          id: 'r1',
          reported: '€0.03 a task',
          reportedBy: 'workers-survey',
          since: '2019',
          until: '2019',
          taskName: evil,
          hourly: { min: 1.8, max: 3.6, currency: 'EUR' },
          hourlyNote: null,
          hourlySteps: ['€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour'],
          sources: [sourceRow({ id: 's', title: 'Survey', type: 'report' })],
          legalMinimum: {
            reference: {
              id: 'w',
              country: 'MG',
              year: 2019,
              sources: [sourceRow({ id: 's2', title: 'Decree', type: 'registry' })],
            },
            ratioMin: 0.36,
            ratioMax: 0.72,
            steps: ['step one', 'step two'],
            reason: null,
          },
          livingWage: noGap('the reference table has no living wage for MG'),
        },
      ]),
    );
    expect(html).toContain('<strong>€0.03 a task</strong>');
    expect(html).toContain('reported by workers&#39; survey, 2019');
    expect(html).toContain('Hourly: <strong>€1.80–3.60 an hour</strong>');
    expect(html).toContain('Legal minimum wage: <strong>0.36–0.72×</strong>');
    expect(html).toContain('<li>step two</li>');
    expect(html).toContain(
      'Living wage: <span class="muted">cannot be compared: the reference table has no living wage for MG</span>',
    );
    expect(html).not.toContain('<img');
  });

  it("says why the hourly pay cannot be derived, and withholds a small group's pay", () => {
    const note =
      'pay is €900.00 a month and no source reports the hours worked a month: the hourly pay cannot be derived';
    const html = payHtml(
      pool([
        {
          id: 'r2',
          reported: '€900.00 a month',
          reportedBy: 'press',
          since: null,
          until: null,
          taskName: null,
          hourly: null,
          hourlyNote: note,
          hourlySteps: [],
          sources: [],
          legalMinimum: noGap(note),
          livingWage: noGap(note),
        },
      ]),
    );
    expect(html).toContain(note);
    expect(html).toContain('period not said');
    expect(html).toContain('no source: treat it as unverified');
    expect(payHtml(pool([], true))).toContain('Withheld: what a small group of workers is paid.');
  });
});
