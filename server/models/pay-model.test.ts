import { describe, expect, it } from 'vitest';
import {
  chainPayOf,
  hourlyOf,
  observedYear,
  reportedText,
  reportIsForTask,
  toPayReport,
  toWageTables,
  wageGapOf,
} from './pay-model.js';

describe('pay reports from stored rows', () => {
  it('dates the observation by the year its period ends, else starts, else none', () => {
    expect(observedYear('2018-03', '2020')).toBe(2020);
    expect(observedYear('2019-03', null)).toBe(2019);
    expect(observedYear(null, null)).toBeNull();
  });

  it('rebuilds the flattened pace and gives the hourly range rounded for the API, and the gap with its reference', () => {
    const report = toPayReport(
      {
        id: 'p',
        min: 0.03,
        max: 0.03,
        currency: 'EUR',
        unit: 'task',
        tasksPerHourMin: 60,
        tasksPerHourMax: 120,
        since: '2019',
        reportedBy: 'press',
        sources: [],
      },
      'FR',
    );
    expect(reportedText(report.figure)).toBe('€0.03 a task');
    expect(hourlyOf(report)).toEqual({
      hourly: { min: 1.8, max: 3.6, currency: 'EUR' },
      note: null,
      steps: ['€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour'],
    });
    const tables = toWageTables({
      wageReferences: [
        {
          id: 'w',
          country: 'FR',
          year: 2019,
          kind: 'legal-minimum',
          amount: 10,
          currency: 'EUR',
          unit: 'hour',
          sources: [{ id: 's', title: 'T', type: 'registry' }],
        },
      ],
      exchangeRates: [],
    });
    const gap = wageGapOf(report, 'legal-minimum', tables);
    expect(gap).toMatchObject({
      reference: { id: 'w', sources: [{ id: 's' }] },
      ratioMin: 0.18,
      ratioMax: 0.36,
      reason: null,
    });
    expect(wageGapOf(report, 'living-wage', tables)).toMatchObject({
      reference: null,
      reason: 'the reference table has no living wage for FR',
    });
  });

  it('says why a report without a pace has no hourly pay', () => {
    const report = toPayReport(
      { id: 'p', min: 0.03, max: 0.05, currency: 'EUR', unit: 'task', reportedBy: 'press' },
      null,
    );
    expect(hourlyOf(report)).toMatchObject({
      hourly: null,
      note: 'pay is €0.03–0.05 a task and no source reports how many tasks are done an hour: the hourly pay cannot be derived',
    });
  });
});

describe("a pay report beside the client's price per unit", () => {
  const rates = [
    { currency: 'MGA', year: 2019, unitsPerUsd: 3600 },
    { currency: 'EUR', year: 2019, unitsPerUsd: 0.9 },
  ];
  const report = (row: Record<string, unknown>) => toPayReport({ id: 'p', reportedBy: 'workers', ...row }, 'MG');

  it("converts a per-task figure into euros at the year's rates and divides it by the price, at both ends", () => {
    const c = chainPayOf(report({ min: 200, max: 400, currency: 'MGA', unit: 'task', since: '2019' }), 0.5, rates);
    // MGA 200–400 at 0.9 / 3,600 = 0.00025 EUR per MGA: €0.05–0.10 a task, 0.1–0.2 of €0.50.
    expect(c).toMatchObject({
      workerPayPerUnitEur: { min: 0.05, max: 0.1 },
      clientPricePerUnitEur: 0.5,
      workerShare: { min: 0.1, max: 0.2 },
      note: null,
    });
    expect(c.steps).toHaveLength(3);
    expect(c.steps[2]).toBe("€0.05–0.10 a task ÷ the client's €0.50 a unit = 0.1–0.2 of the client's price");
  });

  it('says why not: a figure not per task, an undated foreign currency, a missing rate, an unknown price', () => {
    expect(chainPayOf(report({ min: 2, max: 2, currency: 'EUR', unit: 'hour' }), 0.5, rates).note).toBe(
      "pay is €2.00 an hour, not per unit of work: it cannot be set beside the client's price per unit",
    );
    expect(chainPayOf(report({ min: 200, max: 200, currency: 'MGA', unit: 'task' }), 0.5, rates).note).toBe(
      "pay is MGA 200.00 a task and no source dates it: no year's exchange rate converts it into euros",
    );
    expect(
      chainPayOf(report({ min: 200, max: 200, currency: 'MGA', unit: 'task', since: '2030' }), 0.5, rates),
    ).toMatchObject({
      workerPayPerUnitEur: null,
      note: expect.stringMatching(/^no 2030 exchange rate for MGA and EUR/),
    });
    expect(chainPayOf(report({ min: 0.1, max: 0.1, currency: 'EUR', unit: 'task' }), null, rates)).toMatchObject({
      workerPayPerUnitEur: { min: 0.1, max: 0.1 },
      workerShare: null,
      note: "the client's price per unit is not known",
    });
  });

  it('keeps the reports naming the task or none', () => {
    expect(reportIsForTask(report({ min: 1, max: 1, currency: 'EUR', unit: 'task', task: 't1' }), 't1')).toBe(true);
    expect(reportIsForTask(report({ min: 1, max: 1, currency: 'EUR', unit: 'task', task: 't2' }), 't1')).toBe(false);
    expect(reportIsForTask(report({ min: 1, max: 1, currency: 'EUR', unit: 'task' }), 't1')).toBe(true);
  });
});
