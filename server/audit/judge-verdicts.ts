// Judging the claims a change can affect, and keeping their verdicts: the two halves of verdict keeping, apart so that a
// write (verdict-keeper.ts) and the days passing (verdict-days.ts) can decide between them what caused the change.
import type { Transaction } from '../db/index.js';
import { readConfig } from '../config.js';
import { auditFactsParams } from './audit-service.js';
import { auditSubject } from './audit-rows.js';
import { unsourcedOf } from './kept-verdicts.js';
import { CLAIM_RULES } from './rules/index.js';
import type { Touched } from './verdict-anchors.js';

/** The claim kinds whose rules read the wage table: a wage reference or exchange rate changes them all. */
const WAGE_KINDS = CLAIM_RULES.filter((r) => (r.reads as readonly string[]).includes('wageTable')).map((r) => r.kind);

/** One claim's verdict as kept: null when the claim is no longer in the store. */
export interface KeptVerdict {
  claimId: string;
  verdict: string | null;
  explanation: string | null;
  evidence: string[];
  subject: string | null;
  by: string | null;
  /** The day it was judged for, the small-group threshold it was judged with, and its deciding links that had no source then: a scorecard reads the kept verdict instead of judging again while all three still hold (kept-verdicts.ts). */
  judgedOn: string | null;
  minPoolSize: number | null;
  /** Each deciding link's type, in `evidence`'s order (kept-verdicts.cypher finds each in its type's index). */
  evidenceTypes: string[];
  unsourced: string[];
}

/** What a write did to the verdicts: how many claims were judged again, and how many verdicts changed. */
export interface VerdictOutcome {
  judged: number;
  changed: number;
}

export { utcToday } from './utc-today.js';

/**
 * Judges, on day `asOf`, the claims `touched` can affect, with the audit's own query and rules; a claim changed or
 * named but no longer in the store comes back with a null verdict (its kept verdict goes).
 */
export async function judgeTouched(tx: Transaction, touched: Touched, asOf: string): Promise<KeptVerdict[]> {
  const affected = touched.all
    ? null
    : (
        await tx.run('verdict-affected', {
          anchors: [...touched.anchors],
          claimIds: [...touched.claims],
          wage: touched.wage,
          wageKinds: WAGE_KINDS,
          all: false,
        })
      ).map((r) => String(r.id));
  if (affected !== null && affected.length === 0 && touched.claims.size === 0) return [];
  const minPoolSize = readConfig().minPoolSize;
  const rows =
    affected !== null && affected.length === 0
      ? []
      : await tx.run(
          'audit-facts',
          auditFactsParams({
            organizationId: null,
            claimId: null,
            claimIds: affected,
            asOf,
            minPoolSize,
            withLinks: false,
          }),
        );
  const kept: KeptVerdict[] = rows.flatMap((r) => {
    const judged = auditSubject(r, minPoolSize);
    return judged.audits.map((a) => ({
      claimId: a.claim.id,
      verdict: a.verdict,
      explanation: a.explanation,
      evidence: a.evidenceIds,
      subject: a.claim.subject.id,
      by: a.claim.by.id,
      judgedOn: asOf,
      minPoolSize,
      evidenceTypes: a.evidenceIds.map((id) => judged.facts.links.get(id)!.type),
      unsourced: unsourcedOf(a.evidenceIds, judged.facts),
    }));
  });
  const judged = new Set(kept.map((k) => k.claimId));
  const gone = [...touched.claims, ...(touched.all ? await keptClaimIds(tx) : [])].filter((id) => !judged.has(id));
  return [
    ...kept,
    ...[...new Set(gone)].map((claimId) => ({
      claimId,
      verdict: null,
      explanation: null,
      evidence: [],
      subject: null,
      by: null,
      judgedOn: null,
      minPoolSize: null,
      evidenceTypes: [],
      unsourced: [],
    })),
  ];
}

/**
 * Keeps `verdicts` and records each one that changed as caused by change `cause` (with `baseline`, records none);
 * returns how many were judged (claims still in the store) and how many changed.
 */
export async function keepVerdicts(
  tx: Transaction,
  verdicts: KeptVerdict[],
  cause: { id: string | null; seq: number | null },
  baseline: boolean,
): Promise<VerdictOutcome> {
  if (verdicts.length === 0) return { judged: 0, changed: 0 };
  const [written] = await tx.run('verdict-write', { rows: verdicts, changeId: cause.id, seq: cause.seq, baseline });
  return { judged: verdicts.filter((v) => v.verdict !== null).length, changed: Number(written?.recorded ?? 0) };
}

async function keptClaimIds(tx: Transaction): Promise<string[]> {
  return (await tx.run('verdict-kept-claims')).map((r) => String(r.claimId));
}
