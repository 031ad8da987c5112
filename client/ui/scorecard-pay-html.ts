// HTML for the scorecard's pay indicator: the workforce behind an organisation against the legal minimum and living wage of each pool's country and year (counts, ratio range, references with their sources), small groups withheld, then each pool's reports. Pure.
import type { ScorecardPay } from '../api/types.js';
import { escapeHtml as h } from './escape-html.js';
import { payReportsHtml } from './pay-html.js';

type Against = ScorecardPay['legalMinimum'];

const ratio = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "1 below, 1 spanning it, 1 at or above; 0.36–1.5× (MG 2019: its source)", or why nothing is compared. */
export function againstText(a: Against): string {
  if (!a.compared)
    return `no pool's pay can be compared${a.notComparable ? ` (${plural(a.notComparable, 'pool')} with sourced pay: no pace or hours, reference or rate)` : ''}`;
  const range =
    a.ratioMin !== null && a.ratioMax !== null
      ? `; ${a.ratioMin === a.ratioMax ? ratio(a.ratioMin) : `${ratio(a.ratioMin)}–${ratio(a.ratioMax)}`}×`
      : '';
  const refs = a.references
    .map((r) => `${r.country} ${r.year}: ${r.sources.map((s) => s.title).join('; ') || 'no source'}`)
    .join(' · ');
  return `${a.below} below, ${a.spanning} spanning it, ${a.atOrAbove} at or above${a.notComparable ? `, ${a.notComparable} cannot be compared` : ''}${range}${refs ? ` (${refs})` : ''}`;
}

/** The pay indicator's section of the scorecard. */
export function scorecardPayHtml(pay: ScorecardPay): string {
  if (!pay.pools)
    return '<section class="scorecard-pay" data-scorecard-pay><h4>Pay against the local minimum</h4><p class="muted">No workforce is known behind it at this date.</p></section>';
  const withheld = pay.withheld
    ? `; <span data-withheld>${plural(pay.withheld, 'small group')} withheld: ${pay.withheld === 1 ? 'its' : 'their'} pay is not shown or counted</span>`
    : '';
  const pools = pay.workerPools
    .map(
      (p) =>
        `<li data-scorecard-pool="${h(p.id)}"><strong>${h(p.name)}</strong>${p.country ? ` <span class="muted small">(${h(p.country)})</span>` : ''}${payReportsHtml(p)}</li>`,
    )
    .join('');
  return `<section class="scorecard-pay" data-scorecard-pay><h4>Pay against the local minimum</h4>
    <dl class="fields">
      <dt>Pools behind it</dt><dd>${h(pay.pools)}${withheld}</dd>
      <dt>With sourced pay</dt><dd>${h(pay.withSourcedPay)} (${h(pay.withHourly)} with an hourly range${pay.withPay > pay.withSourcedPay ? `; ${pay.withPay - pay.withSourcedPay} more with pay that cites no source` : ''})</dd>
      <dt>Legal minimum wage</dt><dd data-against="legal-minimum">${h(againstText(pay.legalMinimum))}</dd>
      <dt>Living wage</dt><dd data-against="living-wage">${h(againstText(pay.livingWage))}</dd>
    </dl>
    ${pools ? `<details><summary>Each pool's pay (${pay.workerPools.length})</summary><ol class="scorecard-pools">${pools}</ol></details>` : ''}
  </section>`;
}
