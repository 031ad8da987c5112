// Hand-worked cases of pay turned into an hourly range and compared with a reference wage, steps and refusals included.
import { describe, expect, it } from 'vitest';
import {
  convert,
  hourlyPay,
  money,
  pickReference,
  referenceHourly,
  wageGap,
  type ExchangeRate,
  type WageReference,
} from './wage-gap.js';

// Hand-worked figures for the arithmetic (the shipped reference table has its own, sourced): real-looking, not cited here.
const smicHour2019: WageReference = {
  id: 'wage-fr-2019-legal-minimum',
  country: 'FR',
  year: 2019,
  kind: 'legal-minimum',
  amount: 10.03,
  currency: 'EUR',
  unit: 'hour',
};
const keMonth2022: WageReference = {
  id: 'wage-ke-2022-legal-minimum',
  country: 'KE',
  year: 2022,
  kind: 'legal-minimum',
  amount: 15201.65,
  currency: 'KES',
  unit: 'month',
  hoursBasis: 225,
};
const rates: ExchangeRate[] = [
  { currency: 'KES', year: 2022, unitsPerUsd: 117.87 },
  { currency: 'EUR', year: 2022, unitsPerUsd: 0.951 },
];

describe('hourlyPay', () => {
  it('multiplies a per-task rate by the reported pace, as a range', () => {
    const r = hourlyPay({ min: 0.03, max: 0.03, currency: 'EUR', unit: 'task', tasksPerHour: { min: 60, max: 120 } });
    expect(r.ok && r.value).toEqual({ min: expect.closeTo(1.8, 9), max: expect.closeTo(3.6, 9), currency: 'EUR' });
    expect(r.steps).toEqual(['€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour']);
  });

  it('says a per-task rate without a pace cannot be turned into an hourly one', () => {
    const r = hourlyPay({ min: 0.1, max: 0.1, currency: 'EUR', unit: 'task' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/no source reports how many tasks are done an hour/);
  });

  it('divides a monthly figure by the reported hours, the low pay by the long hours', () => {
    const r = hourlyPay({ min: 170, max: 170, currency: 'USD', unit: 'month', hoursPerUnit: { min: 160, max: 200 } });
    expect(r.ok && r.value).toEqual({ min: 0.85, max: 1.0625, currency: 'USD' });
  });

  it('refuses a monthly figure without reported hours, never assuming a working month', () => {
    expect(hourlyPay({ min: 21, max: 21, currency: 'EUR', unit: 'month' }).ok).toBe(false);
  });

  it('keeps an hourly figure as it is', () => {
    const r = hourlyPay({ min: 1.32, max: 2, currency: 'USD', unit: 'hour' });
    expect(r.ok && r.value).toEqual({ min: 1.32, max: 2, currency: 'USD' });
  });
});

describe('references and exchange', () => {
  it('turns a monthly minimum into an hourly one only with its stated hours basis', () => {
    const r = referenceHourly(keMonth2022);
    expect(r.ok && r.value.amount).toBeCloseTo(67.563, 3);
    expect(referenceHourly({ ...keMonth2022, hoursBasis: null }).ok).toBe(false);
  });

  it("converts through the dollar with the year's averages, and refuses a missing rate", () => {
    const r = convert({ min: 1, max: 2, currency: 'USD' }, 'KES', 2022, rates);
    expect(r.ok && r.value).toEqual({ min: 117.87, max: 235.74, currency: 'KES' });
    const eur = convert({ min: 0.951, max: 0.951, currency: 'EUR' }, 'KES', 2022, rates);
    expect(eur.ok && eur.value.min).toBeCloseTo(117.87, 6);
    expect(convert({ min: 1, max: 1, currency: 'USD' }, 'KES', 2023, rates).ok).toBe(false);
  });

  it('takes the exact year, else the nearest earlier, and says so', () => {
    const refs = [
      { ...smicHour2019, year: 2018, id: 'a' },
      { ...smicHour2019, year: 2021, id: 'b' },
    ];
    expect(pickReference(refs, 'FR', 'legal-minimum', 2020)).toEqual({
      ref: refs[0],
      step: expect.stringMatching(/2018 one is used/),
    });
    expect(pickReference(refs, 'FR', 'legal-minimum', 2021)?.step).toBeNull();
    expect(pickReference(refs, 'FR', 'legal-minimum', 2010)?.ref.id).toBe('a');
    expect(pickReference(refs, 'FR', 'living-wage', 2019)).toBeNull();
  });
});

describe('wageGap', () => {
  it("works out the issue's example: 3 cents a task at 60-120 an hour against the 2019 SMIC is 0.18-0.36 of it", () => {
    const r = wageGap(
      { min: 0.03, max: 0.03, currency: 'EUR', unit: 'task', tasksPerHour: { min: 60, max: 120 }, year: 2019 },
      'FR',
      'legal-minimum',
      [smicHour2019],
      [],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ratioMin).toBeCloseTo(0.1795, 3);
    expect(r.value.ratioMax).toBeCloseTo(0.3589, 3);
    expect(r.steps.join('; ')).toBe(
      "€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour; FR's legal minimum wage in 2019: €10.03 an hour [wage-fr-2019-legal-minimum] → 0.18–0.36×",
    );
  });

  it('converts dollar pay into shillings before comparing with a monthly Kenyan minimum', () => {
    const r = wageGap(
      { min: 1.32, max: 2, currency: 'USD', unit: 'hour', year: 2022 },
      'KE',
      'legal-minimum',
      [keMonth2022],
      rates,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 1.32 × 117.87 = 155.59 KES an hour; 15,201.65 ÷ 225 = 67.56 KES an hour → 2.30×; 2 × 117.87 / 67.56 = 3.49×.
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the ratio the figures give, not ln 10
    expect(r.value.ratioMin).toBeCloseTo(2.303, 2);
    expect(r.value.ratioMax).toBeCloseTo(3.489, 2);
    expect(r.steps).toEqual([
      '$1.32–2.00 an hour, as reported',
      'KES 15,201.65 a month ÷ 225 hours (the basis its source states) = KES 67.56 an hour',
      '$1.32–2.00 at 117.9 KES per USD (2022 yearly averages) = KES 155.59–235.74',
      "KE's legal minimum wage in 2022: KES 67.56 an hour [wage-ke-2022-legal-minimum] → 2.3–3.49×",
    ]);
  });

  it('compares a full-time monthly salary with a monthly minimum as it is, without assuming hours', () => {
    const noBasis = { ...keMonth2022, hoursBasis: null };
    const salary = { min: 170, max: 170, currency: 'USD', unit: 'month' as const, year: 2022 };
    expect(wageGap(salary, 'KE', 'legal-minimum', [noBasis], rates)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/hours worked a month/),
    });
    const r = wageGap({ ...salary, fullTime: true }, 'KE', 'legal-minimum', [noBasis], rates);
    expect(r.ok && r.value.unit).toBe('month');
    // 170 × 117.87 = 20,037.90 KES against 15,201.65 KES a month → 1.32×.
    expect(r.ok && r.value.ratioMin).toBeCloseTo(1.318, 3);
    expect(r.steps[0]).toBe('a full-time wage of $170.00 a month, as reported, set against the monthly reference');
  });

  it('says why when the period, the country, the reference or a rate is missing', () => {
    const hourly = { min: 1, max: 1, currency: 'USD', unit: 'hour' as const };
    expect(wageGap(hourly, 'KE', 'legal-minimum', [keMonth2022], rates)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/when this pay was observed/),
    });
    expect(wageGap({ ...hourly, year: 2022 }, null, 'legal-minimum', [keMonth2022], rates)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/country is not known/),
    });
    expect(wageGap({ ...hourly, year: 2022 }, 'KE', 'living-wage', [keMonth2022], rates)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no living wage for KE/),
    });
    expect(wageGap({ ...hourly, year: 2022 }, 'KE', 'legal-minimum', [keMonth2022], [])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no 2022 exchange rate for KES/),
    });
  });
});

describe('money', () => {
  it('writes small amounts with enough digits and unknown symbols as codes', () => {
    expect(money(0.01, 'EUR')).toBe('€0.01');
    expect(money(0.035, 'EUR')).toBe('€0.035');
    expect(money(15201.65, 'KES')).toBe('KES 15,201.65');
  });
});
