// HTML for the audit panel: claims with verdict badges, and the scorecard's indicators. Pure.
import type { ClaimAudit, Indicator, ScorecardPay } from '../api/types.js';
import { escapeHtml as h } from './escape-html.js';
import { scorecardPayHtml } from './scorecard-pay-html.js';

const BADGE: Record<ClaimAudit['verdict'], string> = { CONTRADICTED: 'bad', SUPPORTED: 'good', UNVERIFIABLE: '' };

/** `organizationId`: whose scorecard `indicators` (and `pay`) are (null when there is no scorecard). Buttons carry ids, never positions. */
export function auditPanelHtml(audits: ClaimAudit[], indicators: Indicator[] | null, organizationId: string | null = null, pay: ScorecardPay | null = null): string {
  const claims = audits.length
    ? `<ol class="claims">${audits.map((a) => `<li>
        <button type="button" class="link" data-action="evidence" data-claim="${h(a.claim.id)}">“${h(a.claim.text)}”</button>
        <span class="muted small">— ${h(a.claim.by.name)}${a.claim.date ? `, ${h(a.claim.date)}` : ''}</span><br>
        ${a.claim.note ? `<span class="small note">${h(a.claim.note)}</span><br>` : ''}
        <span class="badge ${BADGE[a.verdict]}" data-verdict="${a.verdict}">${a.verdict.toLowerCase()}</span>
        <span class="small">${h(a.explanation)}</span>
        ${a.claim.sources.length ? '' : ' <span class="no-source small">The claim itself has no source.</span>'}
        ${a.verdict === 'CONTRADICTED' && a.unsourcedEvidence ? ` <span class="no-source small">${a.unsourcedEvidence} deciding link${a.unsourcedEvidence === 1 ? ' has' : 's have'} no source.</span>` : ''}
      </li>`).join('')}</ol>`
    : '<p class="muted">No claim by or about it is recorded.</p>';
  const card = indicators
    ? `<h3>Transparency scorecard</h3><dl class="fields">${indicators.map((x) =>
      `<dt>${h(x.label)}</dt><dd>${x.evidenceLinks ? `<button type="button" class="link" data-action="indicator" data-organization="${h(organizationId ?? '')}" data-indicator="${h(x.id)}">${h(x.value)}</button>` : h(x.value)}</dd>`).join('')}</dl>${pay ? scorecardPayHtml(pay) : ''}`
    : '';
  return `<h3>Claims and what the graph says</h3>${claims}${card}`;
}
