// HTML for the audit panel: claims with verdict badges, the scorecard's indicators, and the changes of verdict with their feed. Pure.
import type { ClaimAudit, Indicator, Reply, ScorecardPay, VerdictChange } from '../api/types.js';
import { dayInWords } from '../../vocabulary/dates.js';
import { escapeHtml as h } from './escape-html.js';
import { scorecardPayHtml } from './scorecard-pay-html.js';

const BADGE: Record<ClaimAudit['verdict'], string> = { CONTRADICTED: 'bad', SUPPORTED: 'good', UNVERIFIABLE: '' };

/** `organizationId`: whose scorecard `indicators` (and `pay`) are (null when there is no scorecard). Buttons carry ids, never positions. */
export function auditPanelHtml(
  audits: ClaimAudit[],
  indicators: Indicator[] | null,
  organizationId: string | null = null,
  pay: ScorecardPay | null = null,
): string {
  const claims = audits.length
    ? `<ol class="claims">${audits
        .map(
          (a) => `<li>
        <button type="button" class="link" data-action="evidence" data-claim="${h(a.claim.id)}">“${h(a.claim.text)}”</button>
        <span class="muted small">— ${h(a.claim.by.name)}${a.claim.date ? `, ${h(a.claim.date)}` : ''}</span><br>
        ${a.claim.note ? `<span class="small note">${h(a.claim.note)}</span><br>` : ''}
        <span class="badge ${BADGE[a.verdict]}" data-verdict="${a.verdict}">${a.verdict.toLowerCase()}</span>
        <span class="small">${h(a.explanation)}</span>
        ${a.claim.sources.length ? '' : ' <span class="no-source small">The claim itself has no source.</span>'}
        ${a.verdict === 'CONTRADICTED' && a.unsourcedEvidence ? ` <span class="no-source small">${a.unsourcedEvidence} deciding link${a.unsourcedEvidence === 1 ? ' has' : 's have'} no source.</span>` : ''}
        ${verdictSinceHtml(a.verdictSince)}
        ${repliesHtml(a.replies)}
        ${claimHistoryHtml(a.claim.id)}
      </li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">No claim by or about it is recorded.</p>';
  const card = indicators
    ? `<h3>Transparency scorecard</h3><dl class="fields">${indicators
        .map(
          (x) =>
            `<dt>${h(x.label)}</dt><dd>${x.evidenceLinks ? `<button type="button" class="link" data-action="indicator" data-organization="${h(organizationId ?? '')}" data-indicator="${h(x.id)}">${h(x.value)}</button>` : h(x.value)}</dd>`,
        )
        .join('')}</dl>${pay ? scorecardPayHtml(pay) : ''}`
    : '';
  return `<h3>Claims and what the graph says</h3>${claims}${card}`;
}

const verdictWord = (v: string | null | undefined) => (v ? v.toLowerCase() : 'none');

/** "since 12 June 2026": the day the kept verdict last changed; nothing before one was kept. */
export function verdictSinceHtml(since: string | null | undefined): string {
  return since ? `<span class="small muted verdict-since">since ${h(dayInWords(since.slice(0, 10)))}</span>` : '';
}

const REPLY_CLASS: Record<Reply['status'], string> = {
  ANSWERED: 'answered',
  NO_ANSWER: 'no-answer',
  AWAITING: 'awaiting',
};

/** The right of reply beside a verdict: each request that names the claim, in one sentence, with the answer's source. */
export function repliesHtml(replies: readonly Reply[]): string {
  if (!replies.length) return '';
  return `<ul class="replies">${replies
    .map((r) => {
      const src = r.answerSource;
      const link = src?.url ? ` <a href="${h(src.url)}" rel="noopener noreferrer" target="_blank">the answer</a>` : '';
      return `<li class="reply small ${REPLY_CLASS[r.status]}" data-reply="${h(r.id)}" data-reply-status="${r.status}"><strong>Right of reply:</strong> ${h(r.summary)}.${link} <span class="muted">(asked by ${h(r.askedBy)})</span></li>`;
    })
    .join('')}</ul>`;
}

/** A closed disclosure under each claim; its history of verdicts is read when it is opened (audit-panel.ts). */
export function claimHistoryHtml(claimId: string): string {
  return `<details class="verdict-history" data-claim-history="${h(claimId)}"><summary class="small">History of this verdict</summary><div class="history-body small muted">Opening…</div></details>`;
}

/** One claim's changes of verdict, newest first (verdictHistory), as they open under it. */
export function verdictHistoryHtml(changes: readonly VerdictChange[], total: number): string {
  if (!changes.length) return '<p class="muted small">No verdict has been kept for this claim yet.</p>';
  const items = changes
    .map(
      (c) => `<li data-verdict-change="${h(c.id)}"><span class="small">${h(dayInWords(c.at.slice(0, 10)))}</span>
        <span class="badge ${c.old ? BADGE[c.old] : ''}">${h(verdictWord(c.old))}</span> → <span class="badge ${c.new ? BADGE[c.new] : ''}">${h(verdictWord(c.new))}</span>
        <span class="muted small">after ${h(c.changeId)}${c.changeSummary ? ` (${h(c.changeSummary)})` : ''}</span></li>`,
    )
    .join('');
  const more =
    total > changes.length
      ? `<p class="muted small">The ${changes.length} newest of ${total}; the API's verdictHistory lists them all.</p>`
      : '';
  return `<ol class="claim-verdicts">${items}</ol>${more}`;
}

/**
 * The changes of verdict on claims by or about `organizationId`, newest first (at most the `shown`, of `total`), each
 * with the change that caused it; and the link to subscribe to them (the Atom feed of what is on screen).
 */
export function verdictChangesHtml(changes: VerdictChange[], total: number, organizationId: string): string {
  const feed = `/feeds/verdicts.atom?organization=${encodeURIComponent(organizationId)}`;
  const items = changes.length
    ? `<ol class="verdict-changes">${changes
        .map(
          (c) => `<li data-verdict-change="${h(c.id)}">
        <span class="small">${h(c.at.slice(0, 10))}</span>
        <span class="small">${c.claimText ? `“${h(c.claimText)}”` : h(c.claimId)}:</span>
        <span class="badge ${c.old ? BADGE[c.old] : ''}">${h(verdictWord(c.old))}</span> → <span class="badge ${c.new ? BADGE[c.new] : ''}" data-verdict-new="${h(c.new ?? '')}">${h(verdictWord(c.new))}</span>
        <span class="muted small">after ${h(c.changeId)}${c.changeSummary ? ` (${h(c.changeSummary)})` : ''}</span>
      </li>`,
        )
        .join(
          '',
        )}</ol>${total > changes.length ? `<p class="muted small">The ${changes.length} newest of ${total}; the API's verdictChanges lists them all.</p>` : ''}`
    : '<p class="muted">No verdict on its claims has changed since they were recorded.</p>';
  return `<h3 id="verdict-changes">Changes of verdict</h3>${items}<p class="small"><a class="feed-link" href="${h(feed)}" type="application/atom+xml">Subscribe to these changes (Atom feed)</a></p>`;
}
