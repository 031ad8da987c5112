// The scorecard's pay indicator as the audit report writes it: a JSON-ready summary with each pool's reports, ratios and steps, and a Markdown section citing every source. Pure.
import { WAGE_KINDS } from '../../vocabulary/pay.js';
import { hourlyOf, reportedText, wageGapOf, type PayReportModel } from '../models/pay-model.js';
import type { PayAgainstReferenceModel, ScorecardPayModel } from '../models/scorecard-pay.js';
import { cite, md } from './audit-report.js';

function gapOf(r: PayReportModel, kind: 'legal-minimum' | 'living-wage', pay: ScorecardPayModel) {
  const g = wageGapOf(r, kind, pay.tables);
  return {
    reference: g.reference?.id ?? null,
    ratioMin: g.ratioMin,
    ratioMax: g.ratioMax,
    steps: g.steps,
    reason: g.reason,
  };
}

const against = (a: PayAgainstReferenceModel) => ({
  ...a,
  references: a.references.map((r) => ({
    id: r.id,
    country: r.country,
    year: r.year,
    amount: r.amount,
    currency: r.currency,
    unit: r.unit,
    sources: r.sources,
  })),
});

/** The indicator as data: the counts, and each pool with pay with its reports (small groups only counted). */
export function scorecardPayReport(pay: ScorecardPayModel) {
  return {
    value: pay.value,
    pools: pay.pools,
    withheld: pay.withheld,
    withPay: pay.withPay,
    withSourcedPay: pay.withSourcedPay,
    withHourly: pay.withHourly,
    legalMinimum: against(pay.legalMinimum),
    livingWage: against(pay.livingWage),
    workerPools: pay.workerPools.map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      pay: (pay.reports.get(p.id) ?? []).map((r) => {
        const h = hourlyOf(r);
        return {
          id: r.id,
          reported: reportedText(r.figure),
          reportedBy: r.reportedBy,
          since: r.since,
          until: r.until,
          hourly: h.hourly,
          hourlyNote: h.note,
          legalMinimum: gapOf(r, 'legal-minimum', pay),
          livingWage: gapOf(r, 'living-wage', pay),
          sources: r.sources,
        };
      }),
    })),
  };
}

const ratio = (min: number | null, max: number | null) =>
  min === null || max === null ? '' : min === max ? `${min}×` : `${min}–${max}×`;

/** The indicator as a Markdown section of the audit report: every value escaped, every reference and report cited. */
export function scorecardPayMarkdown(pay: ScorecardPayModel): string {
  const lines = ['## Pay against the local minimum', '', md(pay.value), ''];
  for (const a of [pay.legalMinimum, pay.livingWage]) {
    const label = WAGE_KINDS[a.kind].label;
    lines.push(
      `- ${md(label)}: ${a.compared ? `${a.below} below, ${a.spanning} spanning it, ${a.atOrAbove} at or above${a.notComparable ? `, ${a.notComparable} cannot be compared` : ''}, ${md(ratio(a.ratioMin, a.ratioMax))}` : "no pool's pay can be compared"}.`,
    );
    for (const r of a.references)
      lines.push(
        `  - Reference ${md(r.id)} (${md(r.country)} ${r.year}): ${r.sources.length ? r.sources.map(cite).join('; ') : '**no source**'}.`,
      );
  }
  if (pay.withheld)
    lines.push(
      `- ${pay.withheld} small group${pay.withheld === 1 ? '' : 's'} withheld: ${pay.withheld === 1 ? 'its' : 'their'} pay is neither shown nor counted.`,
    );
  lines.push('');
  for (const p of pay.workerPools) {
    lines.push(`### ${md(p.name)}${p.country ? ` (${md(p.country)})` : ''}`, '');
    for (const r of pay.reports.get(p.id) ?? []) {
      const h = hourlyOf(r);
      const gaps = (['legal-minimum', 'living-wage'] as const).map((k) => {
        const g = wageGapOf(r, k, pay.tables);
        return `${WAGE_KINDS[k].label}: ${g.reference ? `${ratio(g.ratioMin, g.ratioMax)} [${g.reference.id}]` : `not compared: ${g.reason ?? ''}`}`;
      });
      lines.push(
        `- ${md(reportedText(r.figure))}, reported by ${md(r.reportedBy)}${r.since || r.until ? `, ${md([r.since, r.until].filter(Boolean).join(' to '))}` : ''} — ${md(r.id)}. ` +
          `${h.hourly ? md(h.steps.join('; ')) : md(h.note ?? '')}. ${md(gaps.join('; '))}. Sources: ${r.sources.length ? r.sources.map(cite).join('; ') : '**none: treat it as unverified**'}.`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
