// HTML for a worker pool's pay in the details panel: each report as reported, its hourly range and its gap to the legal minimum and living wage with every step, or the sentence saying why not. Pure.
import type { Entity } from '../api/types.js';
import { PAY_REPORTERS, type PayReporter } from '../../vocabulary/pay.js';
import { moneyRange } from '../../format/wage-gap.js';
import { escapeHtml as h } from './escape-html.js';

type Pool = Extract<Entity, { __typename: 'WorkerPool' }>;
type Report = Pool['pay'][number];
type Gap = Report['legalMinimum'];

const period = (r: Report) =>
  r.since && r.until
    ? r.since === r.until
      ? r.since
      : `${r.since} to ${r.until}`
    : r.since
      ? `from ${r.since}`
      : r.until
        ? `until ${r.until}`
        : 'period not said';
const ratio = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

function gapHtml(label: string, gap: Gap): string {
  const head =
    gap.reference && gap.ratioMin !== null && gap.ratioMax !== null
      ? `${h(label)}: <strong>${h(ratio(gap.ratioMin))}–${h(ratio(gap.ratioMax))}×</strong> <span class="muted small">(${h(gap.reference.country)} ${h(gap.reference.year)}, ${h(gap.reference.sources.map((s) => s.title).join('; ') || 'no source')})</span>`
      : `${h(label)}: <span class="muted">cannot be compared: ${h(gap.reason ?? '')}</span>`;
  const steps = gap.steps.length
    ? `<ol class="pay-steps small">${gap.steps.map((s) => `<li>${h(s)}</li>`).join('')}</ol>`
    : '';
  return `<li class="pay-gap">${head}${steps}</li>`;
}

/** The pool's pay section: "withheld" for a small group, "none reported" when there is none. */
export function payHtml(pool: Pick<Pool, 'paySuppressed' | 'pay'>): string {
  return `<h3>Pay</h3>${payReportsHtml(pool)}`;
}

/** The pool's pay reports (the pay section without its heading; the scorecard lists several pools). */
export function payReportsHtml(pool: Pick<Pool, 'paySuppressed' | 'pay'>): string {
  if (pool.paySuppressed) return '<p class="muted">Withheld: what a small group of workers is paid.</p>';
  if (!pool.pay.length) return '<p class="muted">No pay is reported for this group.</p>';
  const items = pool.pay
    .map((r) => {
      const who = PAY_REPORTERS[r.reportedBy as PayReporter]?.label ?? r.reportedBy;
      const hourly = r.hourly
        ? `<p>Hourly: <strong>${h(moneyRange({ min: r.hourly.min, max: r.hourly.max, currency: r.hourly.currency }))} an hour</strong></p>`
        : `<p class="muted">${h(r.hourlyNote ?? '')}</p>`;
      const sources = r.sources.length
        ? r.sources.map((s) => h(s.title)).join('; ')
        : 'no source: treat it as unverified';
      return `<li class="pay-report" data-pay-id="${h(r.id)}">
      <p><strong>${h(r.reported)}</strong>${r.taskName ? ` for ${h(r.taskName)}` : ''} <span class="muted small">reported by ${h(who)}, ${h(period(r))}</span></p>
      ${hourly}
      <ul class="pay-gaps">${gapHtml('Legal minimum wage', r.legalMinimum)}${gapHtml('Living wage', r.livingWage)}</ul>
      <p class="muted small">Sources: ${sources}</p>
    </li>`;
    })
    .join('');
  return `<p class="muted small">As each source reports it; reports are never averaged.</p><ol class="pay">${items}</ol>`;
}
