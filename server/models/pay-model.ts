// Pay reports and reference wages from Cypher rows to the API's shapes, with the hourly range and the wage gap worked out by format/wage-gap.ts. Pure.
import {
  convert,
  hourlyPay,
  money,
  moneyRange,
  wageGap,
  type ExchangeRate,
  type PayFigure,
  type WageReference,
} from '../../format/wage-gap.js';
import { PAY_UNITS, type PayUnit, type WageKind } from '../../vocabulary/pay.js';
import { toSource, workerShare } from './to-models.js';
import type { EntityModel, LinkModel, SourceModel } from './models.js';

type Row = Record<string, unknown>;

export interface PayReportModel {
  id: string;
  /** The pool's country: where the reference wage is looked up. */
  country: string | null;
  taskId: string | null;
  taskName: string | null;
  figure: PayFigure;
  since: string | null;
  until: string | null;
  reportedBy: string;
  fullTime: boolean | null;
  note: string | null;
  sources: SourceModel[];
  /** The change it was read as of (recordedAt), if any: its wage gap is read against the tables as they were then. */
  recordedSeq?: number;
}

export interface WageReferenceModel extends Omit<WageReference, 'sources'> {
  gross: boolean | null;
  scope: string | null;
  note: string | null;
  sources: SourceModel[];
}

export interface WageTables {
  references: WageReferenceModel[];
  rates: ExchangeRate[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const sourcesOf = (v: unknown): SourceModel[] => (Array.isArray(v) ? (v as Row[]).map(toSource) : []);
const range = (row: Row, field: string) => {
  const min = num(row[`${field}Min`]);
  const max = num(row[`${field}Max`]);
  return min !== null && max !== null ? { min, max } : null;
};

/** The year pay was observed: the year its period ends, else the year it starts; null when no source dates it. */
export function observedYear(since: string | null, until: string | null): number | null {
  const date = until ?? since;
  return date ? Number(date.slice(0, 4)) : null;
}

export function toPayReport(row: Row, country: string | null): PayReportModel {
  const since = str(row.since);
  const until = str(row.until);
  return {
    id: String(row.id),
    country,
    taskId: str(row.task),
    taskName: str(row.taskName),
    figure: {
      min: Number(row.min),
      max: Number(row.max),
      currency: String(row.currency),
      unit: String(row.unit) as PayUnit,
      tasksPerHour: range(row, 'tasksPerHour'),
      hoursPerUnit: range(row, 'hoursPerUnit'),
      year: observedYear(since, until),
      fullTime: row.fullTime === true,
    },
    since,
    until,
    reportedBy: String(row.reportedBy),
    fullTime: typeof row.fullTime === 'boolean' ? row.fullTime : null,
    note: str(row.note),
    sources: sourcesOf(row.sources),
  };
}

export function toWageTables(row: Row | undefined): WageTables {
  const refs = Array.isArray(row?.wageReferences) ? (row.wageReferences as Row[]) : [];
  const rates = Array.isArray(row?.exchangeRates) ? (row.exchangeRates as Row[]) : [];
  return {
    references: refs
      .map((r) => ({
        id: String(r.id),
        country: String(r.country),
        year: Number(r.year),
        kind: String(r.kind) as WageKind,
        amount: Number(r.amount),
        currency: String(r.currency),
        unit: String(r.unit) as PayUnit,
        hoursBasis: num(r.hoursBasis),
        gross: typeof r.gross === 'boolean' ? r.gross : null,
        scope: str(r.scope),
        note: str(r.note),
        sources: sourcesOf(r.sources),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    rates: rates.map((x) => ({
      currency: String(x.currency),
      year: Number(x.year),
      unitsPerUsd: Number(x.unitsPerUsd),
    })),
  };
}

/** "€0.03 a task". */
export function reportedText(figure: PayFigure): string {
  return `${moneyRange(figure)} ${PAY_UNITS[figure.unit].label}`;
}

/** The report's hourly range, or null with the sentence that says why not. */
export function hourlyOf(report: PayReportModel) {
  const h = hourlyPay(report.figure);
  // Rounded to 4 decimals for the API: 0.03 × 60 is 1.7999999999999998 in floating point.
  return h.ok
    ? { hourly: { ...h.value, min: round4(h.value.min), max: round4(h.value.max) }, note: null, steps: h.steps }
    : { hourly: null, note: h.reason, steps: h.steps };
}

/** The API's WageGap: the reference, the ratios and the steps, or the reason with the steps that could be taken. */
export function wageGapOf(report: PayReportModel, kind: WageKind, tables: WageTables) {
  const gap = wageGap(
    report.figure,
    report.country,
    kind,
    tables.references.map(({ sources: _s, ...r }) => r),
    tables.rates,
  );
  if (!gap.ok)
    return { reference: null, unit: 'hour', ratioMin: null, ratioMax: null, steps: gap.steps, reason: gap.reason };
  return {
    reference: tables.references.find((r) => r.id === gap.value.reference.id)!,
    unit: 'hour',
    ratioMin: round4(gap.value.ratioMin),
    ratioMax: round4(gap.value.ratioMax),
    steps: gap.steps,
    reason: null,
  };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** The API's enum values for the kinds of reference wage. */
export const WAGE_KIND_OF = {
  LEGAL_MINIMUM: 'legal-minimum',
  LIVING_WAGE: 'living-wage',
  MEDIAN: 'median',
} as const satisfies Record<string, WageKind>;

/** One row of valueChain: the pool, its chain and the pay at both ends; `taskId` picks the pool's pay reports for the task. */
export interface ValueChainModel {
  taskId: string;
  workerPool: EntityModel;
  hops: LinkModel[];
  workerPayPerUnitEur: number | null;
  workerPayBasis: string | null;
  clientPricePerUnitEur: number | null;
  workerShare: number | null;
  paySuppressed: boolean;
  /** How many chains to a client are as short as `hops` (one of them); 0 when none reaches a client. */
  chainsAsShort: number;
}

/** The API's ChainPay: a pay report beside the client's price per unit. */
export interface ChainPayModel {
  report: PayReportModel;
  workerPayPerUnitEur: { min: number; max: number } | null;
  clientPricePerUnitEur: number | null;
  workerShare: { min: number; max: number } | null;
  steps: string[];
  note: string | null;
}

/** Whether a pool's report is about this task: it names it, or names no task. */
export function reportIsForTask(report: PayReportModel, taskId: string): boolean {
  return report.taskId === null || report.taskId === taskId;
}

/** A report's pay per unit in euros beside the client's price per unit, each step written out, or why not. */
export function chainPayOf(
  report: PayReportModel,
  clientPrice: number | null,
  rates: readonly ExchangeRate[],
): ChainPayModel {
  const base = { report, clientPricePerUnitEur: clientPrice, workerPayPerUnitEur: null, workerShare: null };
  const f = report.figure;
  const reported = reportedText(f);
  if (f.unit !== 'task')
    return {
      ...base,
      steps: [],
      note: `pay is ${reported}, not per unit of work: it cannot be set beside the client's price per unit`,
    };
  if (f.currency !== 'EUR' && f.year === null)
    return {
      ...base,
      steps: [],
      note: `pay is ${reported} and no source dates it: no year's exchange rate converts it into euros`,
    };
  const inEur = convert({ min: f.min, max: f.max, currency: f.currency }, 'EUR', f.year ?? 0, rates);
  if (!inEur.ok) return { ...base, steps: [], note: inEur.reason };
  const perUnit = { min: round4(inEur.value.min), max: round4(inEur.value.max) };
  const steps = [`${reported}, as reported`, ...inEur.steps];
  if (clientPrice === null)
    return { ...base, workerPayPerUnitEur: perUnit, steps, note: "the client's price per unit is not known" };
  const low = workerShare(inEur.value.min, clientPrice);
  const high = workerShare(inEur.value.max, clientPrice);
  if (low === null || high === null)
    return { ...base, workerPayPerUnitEur: perUnit, steps, note: "the client's price per unit is zero" };
  const share = { min: low, max: high };
  const shareText = share.min === share.max ? `${share.min}` : `${share.min}–${share.max}`;
  steps.push(
    `${moneyRange(inEur.value)} a task ÷ the client's ${money(clientPrice, 'EUR')} a unit = ${shareText} of the client's price`,
  );
  return { ...base, workerPayPerUnitEur: perUnit, workerShare: share, steps, note: null };
}
