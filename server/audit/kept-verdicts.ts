// Verdicts kept at write time (verdict-keeper.ts) as the claim audits a scorecard answers, when they still hold; and what a kept verdict records to know that it does. Pure.
import type { ClaimAuditModel, EntityModel } from '../models/index.js';
import { protectSubgraph, rows, toEntity } from '../models/index.js';
import type { AuditFacts } from './audit-facts.js';
import { linksOfRow, subgraphOf, toClaim } from './audit-rows.js';

type Row = Record<string, unknown>;

/**
 * The deciding links that cite no source the store holds, distinct and sorted: a CONTRADICTED verdict's explanation
 * names them, so a source added or removed since the verdict was judged makes the kept one stale.
 */
export function unsourcedOf(evidenceIds: readonly string[], facts: Pick<AuditFacts, 'links'>): string[] {
  return [...new Set(evidenceIds.filter((id) => facts.links.get(id)?.sourceCount === 0))].sort();
}

/**
 * A kept-verdicts.cypher row as the organisation and the audits of its claims, exactly as judging them again would give
 * them; null when the kept verdicts do not hold (the query said so, a deciding link is no longer in the store, or which
 * of them cite a source the store holds changed): the caller then judges them again.
 */
export function keptAudits(
  row: Row | undefined,
  minPoolSize: number,
): { subject: EntityModel; audits: ClaimAuditModel[] } | null {
  if (row?.held !== true || Number(row.missing ?? 0) !== 0) return null;
  const withLinks = row.withLinks !== false;
  // Drawn ($withLinks): the links with their ends and sources; else only which cite no source the store holds.
  const { links, nodes } = withLinks ? linksOfRow(row) : { links: new Map(), nodes: new Map() };
  const bare = new Set((row.bare as string[] | null) ?? []);
  const audits: ClaimAuditModel[] = [];
  for (const c of rows(row.claims)) {
    const evidenceIds = (c.evidence as string[] | null) ?? [];
    const unsourced = [...new Set(evidenceIds.filter((id) => bare.has(id)))].sort();
    if (unsourced.join('\n') !== [...((c.unsourced as string[] | null) ?? [])].sort().join('\n')) return null;
    audits.push({
      claim: toClaim(c.claim as Row, c.by as Row, c.subject as Row),
      verdict: c.verdict as ClaimAuditModel['verdict'],
      explanation: String(c.explanation),
      evidence: withLinks ? protectSubgraph(subgraphOf(evidenceIds, links, nodes), minPoolSize) : null,
      evidenceIds,
      unsourcedEvidence: evidenceIds.filter((id) => bare.has(id)).length,
    });
  }
  return { subject: toEntity(row.subject as Row), audits };
}
