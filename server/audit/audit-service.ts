// Claim audits and scorecards from the store: one audit-facts query, judged by the rules. Used by the GraphQL resolvers and the CLI alike.
import type { Database, Row } from '../db/index.js';
import { recordedQuery } from '../db/cypher-template.js';
import { notFound } from '../errors.js';
import type { ClaimAuditModel, EntityModel, ScorecardModel } from '../models/index.js';
import { rows, sourceIndex, toEntityWithSources } from '../models/index.js';
import { auditSubject, scorecardIndicators, type SubjectAudit } from './audit-rows.js';
import { cardCounts, keepCard, keptCard, keptCardRow } from './kept-cards.js';
import { keptAudits } from './kept-verdicts.js';
import { CLAIM_RULES } from './rules/index.js';

/** Each claim kind's facts: audit-facts.cypher gathers only those its subjects' claims read. */
const READS: Record<string, readonly string[]> = Object.fromEntries(CLAIM_RULES.map((rule) => [rule.kind, rule.reads]));

/**
 * The parameters of audit-facts.cypher; `indicators` adds the scorecard of `organizationId`, `withEvidence` its evidence
 * links; `withVerdicts: false` gathers no facts for the claims (their verdicts are not wanted).
 */
export function auditFactsParams(q: {
  organizationId: string | null;
  claimId: string | null;
  claimIds?: string[] | null;
  asOf: string;
  minPoolSize: number;
  indicators?: boolean;
  withEvidence?: boolean;
  withVerdicts?: boolean;
  /**
   * Read every link's properties and sources, to draw and cite the evidence (default); false: only what the rules read
   * (verdicts, explanations and evidence ids, unsourced counts), far less to send for a hub's thousands of links.
   */
  withLinks?: boolean;
  /** Read the links as recorded after this change (audit-facts-recorded.cypher); none: as they are now. */
  seq?: number;
}): Record<string, unknown> {
  return {
    ...(q.seq === undefined ? {} : { seq: q.seq }),
    organizationId: q.organizationId,
    claimId: q.claimId,
    claimIds: q.claimIds ?? null,
    asOf: q.asOf,
    withSubject: q.organizationId !== null,
    reads: q.withVerdicts === false ? {} : READS,
    indicators: q.indicators ?? false,
    withEvidence: q.withEvidence ?? false,
    withLinks: (q.withLinks ?? true) || (q.withEvidence ?? false),
    minPoolSize: q.minPoolSize,
  };
}

const byClaimId = (a: ClaimAuditModel, b: ClaimAuditModel) => a.claim.id.localeCompare(b.claim.id);

/**
 * Verdicts on one claim (`claimId`), on the claims by or about an organisation or AI product (`organizationId`), or on all.
 * Throws NOT_FOUND for an organisation or claim nothing has.
 */
export async function auditClaims(
  db: Database,
  q: {
    organizationId: string | null;
    claimId: string | null;
    asOf: string;
    minPoolSize: number;
    seq?: number;
    /** Draw each verdict's evidence (default); false: its ids only (`evidence` null). */
    withLinks?: boolean;
    /** Judge the claims again even when their kept verdicts hold (the reference tests and benches compare with). */
    judgeAgain?: boolean;
  },
): Promise<{ subject: EntityModel | null; audits: ClaimAuditModel[] }> {
  // An organisation's or AI product's claims: the kept verdicts answer while they hold, as on its scorecard.
  if (q.organizationId && !q.claimId && q.seq === undefined && !q.judgeAgain) {
    const kept = await keptVerdicts(db, q.organizationId, q.asOf, q.minPoolSize, q.withLinks ?? true);
    if (kept) return { subject: kept.subject, audits: kept.audits.sort(byClaimId) };
  }
  verdictReads.judged += 1;
  const found = await db.read(recordedQuery('audit-facts', q.seq).query, auditFactsParams(q));
  const subjects = found.map((row) => auditSubject(row, q.minPoolSize));
  const subject = q.organizationId ? subjects.find((a) => a.subject.id === q.organizationId)?.subject : null;
  if (q.organizationId && !subject)
    throw notFound(
      `no organization or AI product has id "${q.organizationId}"; check the id (search finds ids by name)`,
    );
  const audits = subjects.flatMap((a) => a.audits).sort(byClaimId);
  if (q.claimId && audits.length === 0)
    throw notFound(`no claim has id "${q.claimId}"; check the id (claims lists them)`);
  return { subject: subject ?? null, audits };
}

/** What a scorecard is asked for: what is not asked is not computed (the answer has it empty). */
export interface ScorecardParts {
  indicators: boolean;
  evidence: boolean;
  audits: boolean;
  /** The verdicts' evidence drawn (default: when audits are); without it, its ids only (`evidence` null). */
  auditEvidence?: boolean;
  /** Judge the claims and compute the indicators again even when kept ones hold, keeping nothing (the reference tests and benches compare with). */
  judgeAgain?: boolean;
}

/** How many times an organisation's verdicts were answered from the kept ones, and judged again (read by tests and benches). */
export const verdictReads = { kept: 0, judged: 0 };

/** The verdicts kept on the claims by or about `organizationId` when they hold on `asOf` (kept-verdicts.cypher); else null. */
async function keptVerdicts(
  db: Database,
  organizationId: string,
  asOf: string,
  minPoolSize: number,
  withLinks: boolean,
): Promise<{ subject: EntityModel; audits: ClaimAuditModel[] } | null> {
  const [row] = await db.read('kept-verdicts', { organizationId, asOf, minPoolSize, withLinks });
  const kept = keptAudits(row, minPoolSize);
  if (kept) verdictReads.kept += 1;
  return kept;
}

/**
 * The organisation's transparency indicators and the verdicts on its claims; NOT_FOUND unless it is an organisation.
 * With `seq`, on the links as recorded after that change (records as they are now).
 */
export async function scorecardOf(
  db: Database,
  organizationId: string,
  asOf: string,
  minPoolSize: number,
  parts: ScorecardParts = { indicators: true, evidence: true, audits: true },
  seq?: number,
): Promise<ScorecardModel> {
  const recorded = seq === undefined ? {} : { seq };
  if (!parts.indicators && !parts.audits) {
    // Neither indicators nor verdicts (only the organisation, or the pay indicator, which reads its own query): one index
    // seek rather than audit-facts, whose plan alone takes seconds on a cold store.
    const [row] = await db.read('entities', { ids: [organizationId], withSources: true });
    const [found] = rows(row?.entities);
    const organization = found ? toEntityWithSources(found, sourceIndex(row?.sources)) : null;
    if (organization?.__typename !== 'Organization')
      throw notFound(`no organization has id "${organizationId}"; check the id (search finds ids by name)`);
    return { organization, asOf, ...recorded, indicators: [], audits: [] };
  }
  // Indicators and verdicts are two fields, each read by its own audit-facts query, both at once when both are asked:
  // one query for both computes the same facts one after the other (500 ms against 295 and 246 ms apart, at 250k links).
  const ask = (indicators: boolean, audits: boolean) =>
    db.read(
      recordedQuery('audit-facts', seq).query,
      auditFactsParams({
        ...recorded,
        organizationId,
        claimId: null,
        asOf,
        minPoolSize,
        indicators,
        withEvidence: indicators && parts.evidence,
        withVerdicts: audits,
        withLinks: audits && (parts.auditEvidence ?? true),
      }),
    );
  // The verdicts kept at write time answer when they still hold on the day asked (kept-verdicts.cypher says whether):
  // reading them costs what the claims' evidence costs, where judging again walks the organisation's whole workforce.
  const verdicts = async () => {
    if (seq === undefined && !parts.judgeAgain) {
      const kept = await keptVerdicts(db, organizationId, asOf, minPoolSize, parts.auditEvidence ?? true);
      if (kept) return { kept, judged: null };
    }
    verdictReads.judged += 1;
    return { kept: null, judged: (await ask(false, true)).map((row) => auditSubject(row, minPoolSize)) };
  };
  // The indicators kept between changes answer when they hold and no evidence is asked (kept-cards.ts); else they are
  // computed, and kept for the next reader unless the store changed meanwhile.
  const indicators = async (): Promise<Row[]> => {
    const reusable = seq === undefined && !parts.judgeAgain;
    const kept = reusable ? await keptCard(db, organizationId, asOf, minPoolSize) : null;
    if (kept?.facts && !parts.evidence) return [keptCardRow(kept.subject, kept.facts)];
    cardCounts.computed += 1;
    const computed = await ask(true, false);
    const own = computed.find((row) => (row.subject as Row | null)?.id === organizationId);
    if (kept && own?.indicators && !kept.facts)
      keepCard(db, {
        organizationId,
        asOf,
        minPoolSize,
        seq: kept.seq,
        facts: own.indicators as Record<string, unknown>,
      });
    return computed;
  };
  const [cardRows, answered] = await Promise.all([
    parts.indicators ? indicators() : null,
    parts.audits ? verdicts() : null,
  ]);
  const card = cardRows?.map((row) => auditSubject(row, minPoolSize));
  const judged = answered?.judged;
  const own = (card ?? judged ?? []).find((a) => a.subject.id === organizationId)?.subject ?? answered?.kept?.subject;
  if (own?.__typename !== 'Organization')
    throw notFound(`no organization has id "${organizationId}"; check the id (search finds ids by name)`);
  return {
    organization: own,
    asOf,
    ...recorded,
    indicators: parts.indicators ? scorecardIndicators(card!.find((a) => a.subject.id === organizationId)!) : [],
    audits: (answered?.kept?.audits ?? (judged ?? []).flatMap((a: SubjectAudit) => a.audits)).sort(byClaimId),
  };
}
