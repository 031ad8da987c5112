// The audit report a journalist or an inspector can read and cite: Markdown, each verdict with its evidence and sources. Pure.
import { linkSentence } from '../../vocabulary/index.js';
import { isWebUrl } from '../../format/safe-text.js';
import type { ClaimAuditModel, SourceModel } from '../models/index.js';
import type { KeptFacts } from '../replies/claim-kept-facts.js';
import { dayInWords } from '../../vocabulary/dates.js';

/**
 * A value from the data, made inert inside a line of Markdown: on one line, with HTML and every character that
 * starts inline Markdown escaped, so that no value can add a heading, a verdict, a link, an image or a comment. Pure.
 */
export function md(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]{}()#+\-.!|~]/g, '\\$&');
}

export function cite(s: SourceModel): string {
  const meta = [s.type, s.publisher, s.date].filter(Boolean).map(md).join(', ');
  return `${md(s.title)}${meta ? ` (${meta})` : ''}${isWebUrl(s.url) ? ` <${new URL(s.url).href}>` : ''}`;
}

export function auditMarkdown(
  audits: ClaimAuditModel[],
  meta: { title: string; asOf: string; generatedFrom: string },
  kept: ReadonlyMap<string, KeptFacts> = new Map(),
): string {
  const counts = ['CONTRADICTED', 'SUPPORTED', 'UNVERIFIABLE']
    .map((v) => `${audits.filter((a) => a.verdict === v).length} ${v.toLowerCase()}`)
    .join(', ');
  const lines = [
    `# Claim audit: ${md(meta.title)}`,
    '',
    `Judged on the links valid on **${md(meta.asOf)}**, from ${md(meta.generatedFrom)}. ${audits.length} claim${audits.length === 1 ? '' : 's'}: ${counts}.`,
    'Each verdict follows a fixed rule for its kind of claim (see the Deep Labour Explorer README); UNVERIFIABLE means the graph holds too little evidence either way.',
    '',
  ];
  for (const a of audits) {
    const c = a.claim;
    if (!a.evidence) throw new Error(`audit report: the audit of ${c.id} was read without its evidence links`);
    const evidence = a.evidence;
    const names = new Map(evidence.nodes.map((n) => [n.id, n.name]));
    lines.push(`## ${md(c.by.name)}: “${md(c.text)}”`, '');
    lines.push(
      `- Claim ${md(c.id)}, kind ${md(c.kind)}${c.date ? `, made ${md(c.date)}` : ''}, about ${md(c.subject.name)}.`,
    );
    lines.push(`- Claim sources: ${c.sources.length ? c.sources.map(cite).join('; ') : '**none given**'}.`);
    if (c.note) lines.push(`- Note: ${md(c.note)}`);
    // The explanation is ours, but it quotes names from the data: it is escaped like them.
    lines.push('', `**Verdict: ${a.verdict}.** ${md(a.explanation)}`, '');
    const facts = kept.get(c.id);
    if (facts?.verdictSince) lines.push(`- Verdict kept since ${md(dayInWords(facts.verdictSince.slice(0, 10)))}.`);
    for (const r of facts?.replies ?? [])
      lines.push(
        `- Right of reply: ${md(r.summary)}.${r.answerSource ? ` Source: ${cite(r.answerSource)}.` : ''} Asked by ${md(r.askedBy)}.`,
      );
    if (facts && (facts.verdictSince || facts.replies.length)) lines.push('');
    if (evidence.edges.length) {
      lines.push('Evidence:', '');
      for (const e of evidence.edges) {
        const facts = [
          e.since ? `since ${e.since}` : '',
          e.until ? `until ${e.until}` : '',
          e.pricePerUnitEur != null ? `€${e.pricePerUnitEur} a unit` : '',
          e.disclosedToWorkers === false
            ? 'not disclosed to workers'
            : e.disclosedToWorkers
              ? 'disclosed to workers'
              : '',
          e.use ?? '',
          e.confidence != null && e.confidence < 1 ? `a reading, confidence ${e.confidence}` : '',
          e.note ? `note: ${e.note}` : '',
        ]
          .filter(Boolean)
          .join(', ');
        lines.push(
          `- ${md(linkSentence(e.type, names.get(e.from) ?? e.from, names.get(e.to) ?? e.to))}${facts ? ` (${md(facts)})` : ''} — ${md(e.id)}. ` +
            `Sources: ${e.sources.length ? e.sources.map(cite).join('; ') : '**none: this link has no source**'}.`,
        );
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
