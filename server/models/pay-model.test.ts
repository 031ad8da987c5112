import { describe, expect, it } from 'vitest';
import { hourlyOf, observedYear, reportedText, toPayReport, toWageTables, wageGapOf } from './pay-model.js';

describe('pay reports from stored rows', () => {
  it('dates the observation by the year its period ends, else starts, else none', () => {
    expect(observedYear('2018-03', '2020')).toBe(2020);
    expect(observedYear('2019-03', null)).toBe(2019);
    expect(observedYear(null, null)).toBeNull();
  });

  it('rebuilds the flattened pace and gives the hourly range rounded for the API, and the gap with its reference', () => {
    const report = toPayReport({ id: 'p', min: 0.03, max: 0.03, currency: 'EUR', unit: 'task', tasksPerHourMin: 60, tasksPerHourMax: 120, since: '2019', reportedBy: 'press', sources: [] }, 'FR');
    expect(reportedText(report.figure)).toBe('€0.03 a task');
    expect(hourlyOf(report)).toEqual({ hourly: { min: 1.8, max: 3.6, currency: 'EUR' }, note: null, steps: ['€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour'] });
    const tables = toWageTables({ wageReferences: [{ id: 'w', country: 'FR', year: 2019, kind: 'legal-minimum', amount: 10, currency: 'EUR', unit: 'hour', sources: [{ id: 's', title: 'T', type: 'registry' }] }], exchangeRates: [] });
    const gap = wageGapOf(report, 'legal-minimum', tables);
    expect(gap).toMatchObject({ reference: { id: 'w', sources: [{ id: 's' }] }, ratioMin: 0.18, ratioMax: 0.36, reason: null });
    expect(wageGapOf(report, 'living-wage', tables)).toMatchObject({ reference: null, reason: 'the reference table has no living wage for FR' });
  });

  it('says why a report without a pace has no hourly pay', () => {
    const report = toPayReport({ id: 'p', min: 0.03, max: 0.05, currency: 'EUR', unit: 'task', reportedBy: 'press' }, null);
    expect(hourlyOf(report)).toMatchObject({ hourly: null, note: 'pay is €0.03–0.05 a task and no source reports how many tasks are done an hour: the hourly pay cannot be derived' });
  });
});
