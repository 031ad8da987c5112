// A saved investigation as one self-contained HTML file: the picture, the notes, the entities and links with their
// sources, the audit verdicts of the organisations in it, and the date it was drawn for. Pure: every value is escaped.
import type { ClaimAudit, GraphNode, Link, ScorecardPay, Source } from '../api/types.js';
import { escapeHtml as h } from './escape-html.js';
import { againstText } from './scorecard-pay-html.js';
import { viewTables, type PoolPay, type Table } from './view-tables.js';
import { dayInWords, momentInWords } from '../../vocabulary/dates.js';
import { ledgerHeadText } from '../../vocabulary/ledger.js';

export interface ReportInput {
  name: string;
  notes: string | null;
  itemNotes: ReadonlyMap<string, string>;
  /** The day the links are valid on (the view's date). */
  asOf: string;
  /** The moment the evidence is read as recorded (ISO), or null for the store as it was when the report was made. */
  recordedAt: string | null;
  /** When the report was made (ISO). */
  madeAt: string;
  /** The ledger's head when the report was made (Query.ledger: the newest published change); null before any. */
  ledger: { seq: number; hash: string } | null;
  /** The view's title, as text. */
  title: string;
  /** A link that reopens the investigation, or the view. */
  url: string;
  /** The picture as a data: URL (PNG). */
  picture: string | null;
  nodes: GraphNode[];
  edges: Link[];
  entitySources: ReadonlyMap<string, Source[]>;
  /** Each worker pool's pay, fetched with the sources (absent: the pools' pay cells say none is known). */
  poolPay?: ReadonlyMap<string, PoolPay>;
  audits: ClaimAudit[];
  /** The pay indicator of each organisation in the view with a workforce behind it (absent: no such section). */
  pay?: { organization: string; pay: ScorecardPay }[];
}

const ratioText = (min: number | null, max: number | null) =>
  min === null || max === null ? '' : min === max ? `${min}×` : `${min}–${max}×`;

/** Each organisation's pay against the local minimum: the counts, the references with their sources, each pool's reports. */
export function payIndicatorsHtml(cards: { organization: string; pay: ScorecardPay }[]): string {
  return cards
    .map(({ organization, pay }) => {
      const rows = pay.workerPools
        .flatMap((p) =>
          p.pay.map(
            (r) =>
              `<tr><td>${h(p.name)}</td><td>${h(p.country ?? '')}</td><td>${h(r.reported)}</td>` +
              `<td>${h(r.hourly ? `${r.hourly.min}–${r.hourly.max} ${r.hourly.currency} an hour` : (r.hourlyNote ?? ''))}</td>` +
              [r.legalMinimum, r.livingWage]
                .map(
                  (g) =>
                    `<td>${h(g.reference ? `${ratioText(g.ratioMin, g.ratioMax)} (${g.reference.country} ${g.reference.year}, ${g.reference.id})` : `not compared: ${g.reason ?? ''}`)}</td>`,
                )
                .join('') +
              `<td>${h(r.sources.map((s) => s.title).join('; ') || 'no source given')}</td></tr>`,
          ),
        )
        .join('');
      return (
        `<h3>${h(organization)}</h3><p>${h(pay.value)}</p><ul><li>Legal minimum wage: ${h(againstText(pay.legalMinimum))}</li><li>Living wage: ${h(againstText(pay.livingWage))}</li>` +
        `${pay.withheld ? `<li>${pay.withheld} small group${pay.withheld === 1 ? '' : 's'} withheld: ${pay.withheld === 1 ? 'its' : 'their'} pay is neither shown nor counted.</li>` : ''}</ul>` +
        (rows
          ? `<table><thead><tr>${['Pool', 'Country', 'Pay as reported', 'Hourly', '÷ legal minimum', '÷ living wage', 'Sources'].map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
          : '')
      );
    })
    .join('\n');
}

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#212121}
img{max-width:100%;border:1px solid #cfd8dc}table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 20px}
th,td{border:1px solid #cfd8dc;padding:4px 6px;text-align:left;vertical-align:top}thead th{background:#eceff1}
.muted{color:#455a64}.bad{color:#b71c1c;font-weight:600}.good{color:#1b5e20;font-weight:600}blockquote{border-left:4px solid #7b1fa2;margin:8px 0;padding:2px 12px}`;

function tableHtml(table: Table, notes: ReadonlyMap<string, string>): string {
  const head = [...table.columns.map((c) => c.label), 'Note'].map((l) => `<th scope="col">${h(l)}</th>`).join('');
  const rows = table.rows
    .map(
      (r) =>
        `<tr>${table.columns.map((c) => `<td>${h(r.cells[c.key] ?? '')}</td>`).join('')}<td>${h(notes.get(r.id) ?? '')}</td></tr>`,
    )
    .join('');
  return `<h2>${h(table.caption)}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The ledger's head as a sentence (the CLI's audit reports say it in the same words); a store without one says so. */
function ledgerSentence(head: ReportInput['ledger']): string {
  const text = ledgerHeadText(head);
  return `${text[0]!.toUpperCase()}${text.slice(1)}${head ? '' : ' (the store has no ledger yet)'}.`;
}

/**
 * Both times, as HTML: "Links valid on D, as recorded now. <head>" or, for a past store, "Links valid on D, as recorded
 * on T (later changes left out). <head when the report was made>". Pure.
 */
export function timesHtml(r: Pick<ReportInput, 'asOf' | 'recordedAt' | 'ledger'>): string {
  const valid = `Links valid on <strong>${h(r.asOf)}</strong>`;
  if (!r.recordedAt) return `${valid}, as recorded now. ${h(ledgerSentence(r.ledger))}`;
  return `${valid}, as recorded on <strong>${h(momentInWords(r.recordedAt))}</strong> (imports, edits and removals after that moment left out). The store when the report was made: ${h(ledgerHeadText(r.ledger))}${r.ledger ? '' : ' (the store has no ledger yet)'}.`;
}

export function investigationReportHtml(r: ReportInput): string {
  const names = new Map(r.nodes.map((n) => [n.id, n.name]));
  const itemNotes = [...r.itemNotes]
    .map(([id, text]) => {
      const edge = r.edges.find((e) => e.id === id);
      const what = edge
        ? `${names.get(edge.from) ?? edge.from} → ${names.get(edge.to) ?? edge.to} (${edge.type})`
        : (names.get(id) ?? id);
      return `<li><strong>${h(what)}</strong><blockquote>${h(text).replaceAll('\n', '<br>')}</blockquote></li>`;
    })
    .join('');
  const verdicts = r.audits
    .map(
      (a) =>
        `<tr><td>${h(a.claim.by.name)}</td><td>“${h(a.claim.text)}”</td>` +
        `<td class="${a.verdict === 'CONTRADICTED' ? 'bad' : a.verdict === 'SUPPORTED' ? 'good' : ''}">${h(a.verdict.toLowerCase())}</td><td>${h(a.explanation)}${a.verdictSince ? ` <span class="muted">(since ${h(dayInWords(a.verdictSince.slice(0, 10)))})</span>` : ''}${(a.replies ?? []).map((x) => `<br><strong>Right of reply:</strong> ${h(x.summary)}.`).join('')}</td>` +
        `<td>${h(a.claim.sources.map((s) => s.title).join('; ') || 'no source given')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(r.name)}</title><style>${CSS}</style></head><body>
<h1>${h(r.name)}</h1>
<p class="muted">${h(r.title)}. ${timesHtml(r)} Report made ${h(r.madeAt.slice(0, 16).replace('T', ' '))} UTC with Deep Labour Explorer; reopen: <a href="${h(r.url)}">${h(r.url)}</a></p>
${r.picture ? `<img src="${h(r.picture)}" alt="The view as drawn: ${h(r.title)}">` : ''}
${r.notes ? `<h2>Notes</h2><blockquote>${h(r.notes).replaceAll('\n', '<br>')}</blockquote>` : ''}
${itemNotes ? `<h2>Notes on what is in it</h2><ul>${itemNotes}</ul>` : ''}
${viewTables({ nodes: r.nodes, edges: r.edges }, r.entitySources, r.poolPay ?? new Map())
  .map((t) => tableHtml(t, r.itemNotes))
  .join('\n')}
<h2>Claims and what the graph says</h2>
${verdicts ? `<table><thead><tr><th scope="col">By</th><th scope="col">Claim</th><th scope="col">Verdict</th><th scope="col">Why</th><th scope="col">Claim's sources</th></tr></thead><tbody>${verdicts}</tbody></table>` : '<p class="muted">No organisation in this view makes a claim the graph can judge.</p>'}
${r.pay?.length ? `<h2>Pay against the local minimum</h2>${payIndicatorsHtml(r.pay)}` : ''}
<p class="muted">Every row names its sources; “no source given” means the record is unverified. A confidence below 1 is a reading of the sources, not their words.</p>
</body></html>`;
}
