// Pay as reported, turned into an hourly range and compared with a country's reference wage — only where the sources
// allow it, every step written out in words, and a reason instead of a figure where they do not. Pure: server and
// explorer use the same arithmetic and the same sentences.
import { PAY_UNITS, WAGE_KINDS, type PayUnit, type WageKind } from '../vocabulary/pay.js';
import type { ExchangeRateRecord, WageReferenceRecord } from './model.js';

export interface Range {
  min: number;
  max: number;
}

/** One pay figure as a source reports it: a range (min = max for a single figure) in a currency and a unit. */
export interface PayFigure {
  min: number;
  max: number;
  currency: string;
  unit: PayUnit;
  /** Tasks done an hour, as reported: needed to turn a per-task rate into an hourly one. */
  tasksPerHour?: Range | null;
  /** Hours worked a day, week, month or year (the figure's unit), as reported: needed for a per-period figure. */
  hoursPerUnit?: Range | null;
  /** The pay is a full-time wage (a salary), as the source reports: then it may be compared with a reference in its own unit. */
  fullTime?: boolean | null;
  /** The year the pay was observed (from the period it was reported for); none: no year's reference applies. */
  year?: number | null;
}

/** What the arithmetic reads of a reference wage (a dataset's `wageReferences` record, or a row read from the store). */
export type WageReference = Pick<
  WageReferenceRecord,
  'id' | 'country' | 'year' | 'kind' | 'amount' | 'currency' | 'unit'
> & { hoursBasis?: number | null; scope?: string | null; sources?: string[] };

/** What the arithmetic reads of a yearly average exchange rate: how many units of `currency` one US dollar bought. */
export type ExchangeRate = Pick<ExchangeRateRecord, 'currency' | 'year' | 'unitsPerUsd'> & { sources?: string[] };

/** A result that shows its work: the value and each step, or why it cannot be derived (with the steps that could). */
export type Derived<T> = { ok: true; value: T; steps: string[] } | { ok: false; reason: string; steps: string[] };

export interface Money extends Range {
  currency: string;
}

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

/** "€0.03", "$1.32", "KES 15,201.65": two decimals, more for amounts under one unit so a cent a task stays readable. */
export function money(amount: number, currency: string): string {
  const digits =
    amount !== 0 && Math.abs(amount) < 1 ? Math.min(4, 1 - Math.floor(Math.log10(Math.abs(amount))) + 1) : 2;
  const text = amount.toLocaleString('en-GB', {
    minimumFractionDigits: Math.min(2, digits),
    maximumFractionDigits: digits,
  });
  const symbol = SYMBOLS[currency];
  return symbol ? `${symbol}${text}` : `${currency} ${text}`;
}

/** "€1.80–3.60" or "€1.80" when the range is one figure. */
export function moneyRange(r: Money): string {
  return r.min === r.max
    ? money(r.min, r.currency)
    : `${money(r.min, r.currency)}–${money(r.max, r.currency).replace(/^[^\d]+/, '')}`;
}

function numberRange(r: Range): string {
  const f = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return r.min === r.max ? f(r.min) : `${f(r.min)}–${f(r.max)}`;
}

const PERIOD_ADJECTIVE: Record<PayUnit, string> = {
  task: 'per-task',
  hour: 'hourly',
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  year: 'yearly',
};

function unitWords(unit: PayUnit): string {
  return PAY_UNITS[unit].label;
}

/** The hourly range a pay figure implies, or why the sources do not allow one. */
export function hourlyPay(figure: PayFigure): Derived<Money> {
  const reported = `${moneyRange(figure)} ${unitWords(figure.unit)}`;
  if (!(figure.min >= 0) || !(figure.max >= figure.min))
    return {
      ok: false,
      reason: `the pay range ${reported} is not a range (its minimum is above its maximum)`,
      steps: [],
    };
  if (figure.unit === 'hour') {
    return {
      ok: true,
      value: { min: figure.min, max: figure.max, currency: figure.currency },
      steps: [`${reported}, as reported`],
    };
  }
  if (figure.unit === 'task') {
    const pace = figure.tasksPerHour;
    if (!pace)
      return {
        ok: false,
        reason: `pay is ${reported} and no source reports how many tasks are done an hour: the hourly pay cannot be derived`,
        steps: [],
      };
    const value = { min: figure.min * pace.min, max: figure.max * pace.max, currency: figure.currency };
    return {
      ok: true,
      value,
      steps: [`${reported} × ${numberRange(pace)} tasks an hour = ${moneyRange(value)} an hour`],
    };
  }
  const hours = figure.hoursPerUnit;
  if (!hours)
    return {
      ok: false,
      reason: `pay is ${reported} and no source reports the hours worked ${unitWords(figure.unit)}: the hourly pay cannot be derived`,
      steps: [],
    };
  const value = { min: figure.min / hours.max, max: figure.max / hours.min, currency: figure.currency };
  return {
    ok: true,
    value,
    steps: [`${reported} ÷ ${numberRange(hours)} hours ${unitWords(figure.unit)} = ${moneyRange(value)} an hour`],
  };
}

/** `amount` converted between currencies through the year's average dollar rates, with the step that says which rates. */
export function convert(amount: Money, to: string, year: number, rates: readonly ExchangeRate[]): Derived<Money> {
  if (amount.currency === to) return { ok: true, value: amount, steps: [] };
  const rate = (c: string) => rates.find((r) => r.currency === c && r.year === year)?.unitsPerUsd;
  const from = amount.currency === 'USD' ? 1 : rate(amount.currency);
  const into = to === 'USD' ? 1 : rate(to);
  const missing = [from === undefined ? amount.currency : null, into === undefined ? to : null].filter(Boolean);
  if (from === undefined || into === undefined) {
    return {
      ok: false,
      reason: `no ${year} exchange rate for ${missing.join(' and ')} in the reference table: ${moneyRange(amount)} cannot be compared with a wage in ${to}`,
      steps: [],
    };
  }
  const factor = into / from;
  const value = { min: amount.min * factor, max: amount.max * factor, currency: to };
  return {
    ok: true,
    value,
    steps: [
      `${moneyRange(amount)} at ${factor.toLocaleString('en-GB', { maximumSignificantDigits: 4 })} ${to} per ${amount.currency} (${year} yearly averages) = ${moneyRange(value)}`,
    ],
  };
}

/** A reference wage per hour, or why it cannot be had (a monthly minimum with no stated hours basis). */
export function referenceHourly(ref: WageReference): Derived<{ amount: number; currency: string }> {
  const stated = `${money(ref.amount, ref.currency)} ${unitWords(ref.unit)}`;
  if (ref.unit === 'hour') return { ok: true, value: { amount: ref.amount, currency: ref.currency }, steps: [] };
  if (ref.unit === 'task')
    return {
      ok: false,
      reason: `the reference ${ref.id} is per task, which no hourly figure can be compared with`,
      steps: [],
    };
  if (!ref.hoursBasis)
    return {
      ok: false,
      reason: `the reference ${ref.id} is ${stated} and its source states no hours basis: it cannot be turned into an hourly wage`,
      steps: [],
    };
  const amount = ref.amount / ref.hoursBasis;
  return {
    ok: true,
    value: { amount, currency: ref.currency },
    steps: [
      `${stated} ÷ ${numberRange({ min: ref.hoursBasis, max: ref.hoursBasis })} hours (the basis its source states) = ${money(amount, ref.currency)} an hour`,
    ],
  };
}

/** The reference of that country, kind and year; else the nearest earlier year, else the nearest later one (said in the steps). */
export function pickReference(
  refs: readonly WageReference[],
  country: string,
  kind: WageKind,
  year: number,
): { ref: WageReference; step: string | null } | null {
  const own = refs.filter((r) => r.country === country && r.kind === kind);
  if (!own.length) return null;
  const exact = own.find((r) => r.year === year);
  if (exact) return { ref: exact, step: null };
  const earlier = own.filter((r) => r.year < year).sort((a, b) => b.year - a.year)[0];
  const chosen = earlier ?? own.filter((r) => r.year > year).sort((a, b) => a.year - b.year)[0]!;
  return {
    ref: chosen,
    step: `no ${WAGE_KINDS[kind].label} of ${country} for ${year} in the table: the ${chosen.year} one is used`,
  };
}

export interface WageGap {
  reference: WageReference;
  /** The unit compared: `hour`, or the reference's own unit for a full-time wage reported in it. */
  unit: PayUnit;
  /** The pay in that unit, in the reference's currency. */
  pay: Money;
  referenceAmount: { amount: number; currency: string };
  /** Pay ÷ reference, at the low and the high end of the pay range: 0.18–0.36 means a fifth to a third of the reference. */
  ratioMin: number;
  ratioMax: number;
}

/**
 * The hourly pay of a pool against its country's reference wage of the kind asked: each step written out, from the
 * pay as reported to the ratio ("€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour; France's legal minimum wage
 * in 2019: €10.03 an hour → 0.18–0.36×"); or why it cannot be said.
 */
export function wageGap(
  figure: PayFigure,
  country: string | null | undefined,
  kind: WageKind,
  refs: readonly WageReference[],
  rates: readonly ExchangeRate[],
): Derived<WageGap> {
  const hourly = hourlyPay(figure);
  const steps = [...hourly.steps];
  if (!country) return { ok: false, reason: "the workers' country is not known, so no reference wage applies", steps };
  if (!figure.year)
    return {
      ok: false,
      reason: "no source says when this pay was observed, so no year's reference wage applies",
      steps,
    };
  const picked = pickReference(refs, country, kind, figure.year);
  if (!picked)
    return { ok: false, reason: `the reference table has no ${WAGE_KINDS[kind].label} for ${country}`, steps };
  if (picked.step) steps.push(picked.step);
  const ref = picked.ref;
  const refHourly = referenceHourly(ref);
  // A full-time wage reported in the reference's own unit (a monthly salary against a monthly minimum) is compared as
  // it is: no hours need assuming. Anything else goes through the hourly figure, or is not compared.
  const sameUnit =
    figure.fullTime === true && figure.unit === ref.unit && figure.unit !== 'task' && figure.unit !== 'hour';
  if (!sameUnit && !hourly.ok) return { ok: false, reason: hourly.reason, steps };
  if (!sameUnit && !refHourly.ok) return { ok: false, reason: refHourly.reason, steps };
  const pay: Money = sameUnit
    ? { min: figure.min, max: figure.max, currency: figure.currency }
    : (hourly as { value: Money }).value;
  const unit: PayUnit = sameUnit ? figure.unit : 'hour';
  const refAmount = sameUnit
    ? { amount: ref.amount, currency: ref.currency }
    : (refHourly as { value: { amount: number; currency: string } }).value;
  if (sameUnit)
    steps.push(
      `a full-time wage of ${moneyRange(pay)} ${unitWords(unit)}, as reported, set against the ${PERIOD_ADJECTIVE[unit]} reference`,
    );
  else steps.push(...refHourly.steps);
  const converted = convert(pay, refAmount.currency, figure.year, rates);
  if (!converted.ok) return { ok: false, reason: converted.reason, steps };
  steps.push(...converted.steps);
  const ratioMin = converted.value.min / refAmount.amount;
  const ratioMax = converted.value.max / refAmount.amount;
  const ratio = numberRange({ min: round2(ratioMin), max: round2(ratioMax) });
  steps.push(
    `${country}'s ${WAGE_KINDS[kind].label} in ${ref.year}: ${money(refAmount.amount, refAmount.currency)} ${unitWords(unit)} [${ref.id}] → ${ratio}×`,
  );
  return {
    ok: true,
    value: { reference: ref, unit, pay: converted.value, referenceAmount: refAmount, ratioMin, ratioMax },
    steps,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
