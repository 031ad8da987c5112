// The audit report a journalist or an inspector can read and cite: Markdown, each verdict with its evidence and sources. Pure.
import { linkSentence } from '../../vocabulary/index.js';
import type { ClaimAuditModel, SourceModel } from '../models/index.js';

function cite(s: SourceModel): string {
  const meta = [s.type, s.publisher, s.date].filter(Boolean).join(', ');
  return `${s.title}${meta ? ` (${meta})` : ''}${s.url ? ` <${s.url}>` : ''}`;
}

export function auditMarkdown(audits: ClaimAuditModel[], meta: { title: string; asOf: string; generatedFrom: string }): string {
  const counts = ['CONTRADICTED', 'SUPPORTED', 'UNVERIFIABLE'].map((v) => `${audits.filter((a) => a.verdict === v).length} ${v.toLowerCase()}`).join(', ');
  const lines = [
    `# Claim audit: ${meta.title}`,
    '',
    `Judged on the links valid on **${meta.asOf}**, from ${meta.generatedFrom}. ${audits.length} claim${audits.length === 1 ? '' : 's'}: ${counts}.`,
    'Each verdict follows a fixed rule for its kind of claim (see the Deep Labour Explorer README); UNVERIFIABLE means the graph holds too little evidence either way.',
    '',
  ];
  for (const a of audits) {
    const c = a.claim;
    const names = new Map(a.evidence.nodes.map((n) => [n.id, n.name]));
    lines.push(`## ${c.by.name}: “${c.text}”`, '');
    lines.push(`- Claim \`${c.id}\`, kind ${c.kind}${c.date ? `, made ${c.date}` : ''}, about ${c.subject.name}.`);
    lines.push(`- Claim sources: ${c.sources.length ? c.sources.map(cite).join('; ') : '**none given**'}.`);
    lines.push('', `**Verdict: ${a.verdict}.** ${a.explanation}`, '');
    if (a.evidence.edges.length) {
      lines.push('Evidence:', '');
      for (const e of a.evidence.edges) {
        const facts = [e.since ? `since ${e.since}` : '', e.until ? `until ${e.until}` : '', e.pricePerUnitEur != null ? `€${e.pricePerUnitEur} a unit` : '',
          e.disclosedToWorkers === false ? 'not disclosed to workers' : e.disclosedToWorkers ? 'disclosed to workers' : '', e.use ?? ''].filter(Boolean).join(', ');
        lines.push(`- ${linkSentence(e.type, names.get(e.from) ?? e.from, names.get(e.to) ?? e.to)}${facts ? ` (${facts})` : ''} — \`${e.id}\`. `
          + `Sources: ${e.sources.length ? e.sources.map(cite).join('; ') : '**none: this link has no source**'}.`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
