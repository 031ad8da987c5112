// Keeps every claim's verdict in the store and records each change of verdict, in the transaction of the change to the evidence that caused it, judged by the audit's own code (audit-facts.cypher and the claim rules).
//
// Every write that changes the evidence (import, removal, edit, retraction, revert, accepted review) runs inside
// `keepingVerdicts`: after its work, the claims that its changes can affect (verdict-affected.cypher) are judged again
// in the same transaction, so a verdict change is never missed: it commits with the change or not at all.
import type { Database, Transaction } from '../db/index.js';
import { journaled } from '../db/store-lock.js';
import { judgeTouched, keepVerdicts, utcToday, type VerdictOutcome } from './judge-verdicts.js';
import { dropCards } from './kept-cards.js';
import { rollVerdictDays } from './verdict-days.js';
import { addFootprint, addState, nothingTouched, type Touched } from './verdict-anchors.js';

const DATASET_ACTIONS = new Set(['import', 'replace-all', 'remove']);

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
  // The days passed since the kept verdicts were judged are judged first, as a change of their own (verdict-days.ts):
  // the write's changes of verdict are then its own.
  const today = utcToday();
  await rollVerdictDays(tx, today);
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
  // The scorecards kept between changes that read a record this write touched go with it (kept-cards.ts).
  await dropCards(tx, touched);
  const cause = changes.at(-1)!;
  const outcome = await rejudge(tx, touched, { id: cause.id, seq: Number(cause.seq) }, false, today);
  Object.assign(lastVerdictCost, { verdictMs: lastVerdictCost.verdictMs + performance.now() - t2, ...outcome });
  return result;
}

/** Judges the claims `touched` can affect on day `asOf` (today) and keeps their verdicts; `baseline` records no change. */
export async function rejudge(
  tx: Transaction,
  touched: Touched,
  cause: { id: string | null; seq: number },
  baseline: boolean,
  asOf: string = utcToday(),
): Promise<VerdictOutcome> {
  return keepVerdicts(tx, await judgeTouched(tx, touched, asOf), cause, baseline);
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
