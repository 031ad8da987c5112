// Keeps every claim's verdict in the store and records each change of verdict, in the transaction of the change to the evidence that caused it, judged by the audit's own code (audit-facts.cypher and the claim rules).
//
// Every write that changes the evidence (import, removal, edit, retraction, revert, accepted review) runs inside
// `keepingVerdicts`: after its work, the claims that its changes can affect (verdict-affected.cypher) are judged again
// in the same transaction, so a verdict change is never missed: it commits with the change or not at all.
import type { Database, Transaction } from '../db/index.js';
import { journaled } from '../db/store-lock.js';
import { readConfig } from '../config.js';
import { auditFactsParams } from './audit-service.js';
import { auditSubject } from './audit-rows.js';
import { unsourcedOf } from './kept-verdicts.js';
import { CLAIM_RULES } from './rules/index.js';
import { addFootprint, addState, nothingTouched, type Touched } from './verdict-anchors.js';

/** The claim kinds whose rules read the wage table: a wage reference or exchange rate changes them all. */
const WAGE_KINDS = CLAIM_RULES.filter((r) => (r.reads as readonly string[]).includes('wageTable')).map((r) => r.kind);
const DATASET_ACTIONS = new Set(['import', 'replace-all', 'remove']);

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

/** The last write's cost, split: its own work, and what keeping verdicts added (read by bench/verdict-cost.ts). */
export const lastVerdictCost = { workMs: 0, verdictMs: 0, judged: 0, changed: 0 };

/**
 * Runs `work` (a write of dataset `dataset` by `action`) in `tx`, then judges again the claims its changes can affect
 * and records the verdicts that changed, naming the last change the write made. The store's first write (or the
 * server's first start) judges every claim once as the baseline.
 */
export async function keepingVerdicts<T>(
  tx: Transaction,
  scope: { dataset: string; action: string },
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  await ensureBaseline(tx);
  const [start] = await tx.run('verdict-changes-since', { after: null });
  const last = Number(start?.last ?? 0);
  const byDataset = DATASET_ACTIONS.has(scope.action) && scope.action !== 'replace-all';
  // Into a store that holds no record yet, every claim after the write is new: all are judged, and what the write
  // changed is not looked for.
  const [held] = byDataset ? await tx.run('store-holds') : [];
  const intoEmptyStore = held !== undefined && Number(held.records) === 0;
  const t1 = performance.now();
  const result = await work(tx);
  const t2 = performance.now();
  Object.assign(lastVerdictCost, { workMs: t2 - t1, verdictMs: t1 - t0, judged: 0, changed: 0 });
  const [row] = await tx.run('verdict-changes-since', { after: last });
  const changes = (row?.changes ?? []) as {
    id: string;
    seq: number;
    action: string;
    scope: string;
    record: string | null;
    dataset: string | null;
    before: string | null;
    after: string | null;
  }[];
  if (changes.length === 0) return result;
  const touched = nothingTouched();
  for (const c of changes) {
    if (c.action === 'replace-all' || (intoEmptyStore && c.scope === 'dataset')) touched.all = true;
    // What an import or a removal changed is read in the store from what its change stamped (the records and links it
    // made or changed, the versions and records it retired), not by reading the dataset's state into this process
    // before and after the write (twice the dataset: a re-import of a million links would not fit in Node's heap).
    else if (c.scope === 'dataset') {
      if (byDataset)
        addFootprint(
          touched,
          await tx.run('verdict-change-footprint', { seq: Number(c.seq), dataset: c.dataset ?? scope.dataset }),
        );
    } else
      for (const state of [c.before, c.after]) addState(touched, c.record, state === null ? null : JSON.parse(state));
  }
  const cause = changes.at(-1)!;
  const outcome = await rejudge(tx, touched, { id: cause.id, seq: Number(cause.seq) }, false);
  Object.assign(lastVerdictCost, { verdictMs: lastVerdictCost.verdictMs + performance.now() - t2, ...outcome });
  return result;
}

/** Judges the claims `touched` can affect and keeps their verdicts; `baseline` records no change. */
export async function rejudge(
  tx: Transaction,
  touched: Touched,
  cause: { id: string | null; seq: number },
  baseline: boolean,
): Promise<VerdictOutcome> {
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
  if (affected !== null && affected.length === 0 && touched.claims.size === 0) return { judged: 0, changed: 0 };
  const minPoolSize = readConfig().minPoolSize;
  const asOf = new Date().toISOString().slice(0, 10);
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
  // A claim changed or named but no longer in the store: its verdict goes (recorded as a change to none).
  const judged = new Set(kept.map((k) => k.claimId));
  const gone = [...touched.claims, ...(touched.all ? await keptClaimIds(tx) : [])].filter((id) => !judged.has(id));
  const all = [
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
  if (all.length === 0) return { judged: 0, changed: 0 };
  const [written] = await tx.run('verdict-write', { rows: all, changeId: cause.id, seq: cause.seq, baseline });
  return { judged: kept.length, changed: Number(written?.recorded ?? 0) };
}

/** The first judgement of every claim, once per store: kept as the baseline, not as changes. */
export async function ensureBaseline(tx: Transaction): Promise<void> {
  const [row] = await tx.run('verdict-baseline', { mark: false, seq: null });
  if (row?.taken === true) return;
  const [start] = await tx.run('verdict-changes-since', { after: null });
  const seq = Number(start?.last ?? 0);
  await rejudge(tx, { ...nothingTouched(), all: true }, { id: null, seq }, true);
  await tx.run('verdict-baseline', { mark: true, seq });
}

/** At start: takes the baseline if the store has none, behind the store's write lock (as a write is). */
export async function verdictBaselineAtStart(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  const [row] = await db.read('verdict-baseline-taken');
  if (row?.taken === true) return;
  await journaled(db, 'store', 'verdict-baseline', undefined, ensureBaseline);
  log('server: judged every claim once, as the baseline of the verdicts kept from now on');
}

async function keptClaimIds(tx: Transaction): Promise<string[]> {
  return (await tx.run('verdict-kept-claims')).map((r) => String(r.claimId));
}
