// The scorecard's pay indicator: the workforce behind an organisation against the legal minimum and living wage of each pool's country and year, counted from the pools' sourced pay reports with the same arithmetic as WorkerPool.pay (pay-model.ts, format/wage-gap.ts). Pure.
import { WAGE_KINDS, type WageKind } from '../../vocabulary/pay.js';
import {
  hourlyOf,
  toPayReport,
  toWageTables,
  wageGapOf,
  type PayReportModel,
  type WageReferenceModel,
  type WageTables,
} from './pay-model.js';
import { protectEntity } from './small-groups.js';
import { toEntity } from './to-models.js';
import type { EntityModel } from './models.js';

type Row = Record<string, unknown>;

/** The pools of the workforce against one kind of reference wage, each pool counted once by its lowest sourced report. */
export interface PayAgainstReferenceModel {
  kind: WageKind;
  /** Pools with a sourced report comparable with the reference (below + spanning + atOrAbove). */
  compared: number;
  /** Pools with a sourced report whose range lies entirely below the reference. */
  below: number;
  /** Pools with none entirely below, but a sourced report whose range spans the reference. */
  spanning: number;
  /** Pools whose every comparable sourced report is at or above the reference over its whole range. */
  atOrAbove: number;
  /** Pools with sourced pay of which no report can be compared (no pace or hours, no reference, no rate). */
  notComparable: number;
  /** The lowest and highest ratio over the comparable sourced reports; null when none is comparable. */
  ratioMin: number | null;
  ratioMax: number | null;
  /** The references the comparisons used, in id order. */
  references: WageReferenceModel[];
}

export interface ScorecardPayModel {
  /** Worker pools in the workforce behind the organisation. */
  pools: number;
  /** Of them, small groups: their pay is withheld (never read) and they are counted nowhere else. */
  withheld: number;
  /** Pools with at least one pay report (sourced or not). */
  withPay: number;
  /** Pools with at least one sourced pay report. */
  withSourcedPay: number;
  /** Pools with a sourced report from which an hourly range can be derived. */
  withHourly: number;
  legalMinimum: PayAgainstReferenceModel;
  livingWage: PayAgainstReferenceModel;
  /** The pools with pay reports (small groups left out), in id order; their `pay` is what was read here. */
  workerPools: EntityModel[];
  /** Each of those pools' reports, as WorkerPool.pay gives them. */
  reports: ReadonlyMap<string, PayReportModel[]>;
  tables: WageTables;
  value: string;
}

const sourced = (r: PayReportModel) => r.sources.length > 0;

export function payAgainst(
  kind: WageKind,
  paid: readonly { reports: PayReportModel[] }[],
  tables: WageTables,
): PayAgainstReferenceModel {
  const out: PayAgainstReferenceModel = {
    kind,
    compared: 0,
    below: 0,
    spanning: 0,
    atOrAbove: 0,
    notComparable: 0,
    ratioMin: null,
    ratioMax: null,
    references: [],
  };
  const refs = new Map<string, WageReferenceModel>();
  for (const { reports } of paid) {
    const own = reports.filter(sourced);
    if (!own.length) continue;
    const gaps = own
      .map((r) => wageGapOf(r, kind, tables))
      .filter((g) => g.reference !== null && g.ratioMin !== null && g.ratioMax !== null);
    if (!gaps.length) {
      out.notComparable += 1;
      continue;
    }
    out.compared += 1;
    if (gaps.some((g) => g.ratioMax! < 1)) out.below += 1;
    else if (gaps.some((g) => g.ratioMin! < 1)) out.spanning += 1;
    else out.atOrAbove += 1;
    for (const g of gaps) {
      out.ratioMin = out.ratioMin === null ? g.ratioMin : Math.min(out.ratioMin, g.ratioMin!);
      out.ratioMax = out.ratioMax === null ? g.ratioMax : Math.max(out.ratioMax, g.ratioMax!);
      refs.set(g.reference!.id, g.reference!);
    }
  }
  out.references = [...refs.values()].sort((a, b) => a.id.localeCompare(b.id));
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ratioText = (a: PayAgainstReferenceModel) =>
  a.ratioMin === null || a.ratioMax === null
    ? ''
    : ` (${a.ratioMin === a.ratioMax ? a.ratioMin : `${a.ratioMin}–${a.ratioMax}`}×; ${a.references.map((r) => `${r.country} ${r.year}`).join(', ')})`;

function againstText(a: PayAgainstReferenceModel): string {
  if (!a.compared) return `${WAGE_KINDS[a.kind].label}: no pool's pay can be compared`;
  return `${WAGE_KINDS[a.kind].label}: ${a.below} below, ${a.spanning} spanning it, ${a.atOrAbove} at or above${ratioText(a)}`;
}

/** The indicator in words: "1 of 2 pools with sourced pay, 1 with an hourly range; legal minimum wage: 1 below …; 1 small group withheld". */
export function scorecardPayText(m: Omit<ScorecardPayModel, 'value' | 'workerPools' | 'reports' | 'tables'>): string {
  if (!m.pools) return 'no workforce known';
  const parts = [
    `${m.withSourcedPay} of ${plural(m.pools, 'pool')} with sourced pay, ${m.withHourly} with an hourly range`,
  ];
  if (m.withSourcedPay) parts.push(againstText(m.legalMinimum), againstText(m.livingWage));
  if (m.withheld) parts.push(`${plural(m.withheld, 'small group')} withheld`);
  return parts.join('; ');
}

/**
 * The pay indicator from one scorecard-pay row: the pools with pay (small groups left out and only counted), each report
 * as WorkerPool.pay gives it, and the counts against each reference. Counts read sourced reports only, as WAGE_FLOOR does.
 */
export function toScorecardPay(row: Row, minPoolSize: number, seq?: number): ScorecardPayModel {
  // Read as recorded just after change `seq`: the pools and reports say so, so that their fields read later do too.
  const at = seq === undefined ? {} : { recordedSeq: seq };
  const pools = (Array.isArray(row.paidPools) ? (row.paidPools as Row[]) : [])
    .map((p) => ({ ...protectEntity(toEntity(p), minPoolSize), ...at }))
    // The query reads no small group's reports; a pool that became small between two reads still shows nothing.
    .filter((p) => !p.sizeSuppressed);
  const country = new Map(pools.map((p) => [p.id, p.country]));
  const reports = new Map<string, PayReportModel[]>();
  for (const r of Array.isArray(row.reports) ? (row.reports as Row[]) : []) {
    const id = String(r.poolId);
    if (!country.has(id)) continue;
    reports.set(id, [...(reports.get(id) ?? []), { ...toPayReport(r.report as Row, country.get(id) ?? null), ...at }]);
  }
  const tables = toWageTables(row);
  const paid = pools.map((p) => ({ reports: reports.get(p.id) ?? [] }));
  const counts = {
    pools: Number(row.pools ?? 0),
    withheld: Number(row.withheld ?? 0),
    withPay: paid.filter((p) => p.reports.length > 0).length,
    withSourcedPay: paid.filter((p) => p.reports.some(sourced)).length,
    withHourly: paid.filter((p) => p.reports.some((r) => sourced(r) && hourlyOf(r).hourly !== null)).length,
    legalMinimum: payAgainst('legal-minimum', paid, tables),
    livingWage: payAgainst('living-wage', paid, tables),
  };
  return { ...counts, workerPools: pools, reports, tables, value: scorecardPayText(counts) };
}
