// The history of the evidence: every import, removal, edit, retraction, revert and review is one Change, written in the
// transaction that makes it, so that the history and the store never disagree.
import type { Transaction } from '../db/index.js';
import { sizesIn, stateSubject, type PoolFacts } from '../models/index.js';
import { sealEvidence } from './evidence-seal.js';
import { changeHash } from './ledger-hash.js';

/** What a change did. */
export type ChangeAction =
  | 'import'
  | 'replace-all'
  | 'remove'
  | 'upsert'
  | 'retract'
  | 'revert'
  | 'accept'
  | 'reject'
  | 'seal-evidence'
  | 'dates-passed';
/** applied: in the store; pending: waiting for an admin's review, not in the store; accepted/rejected: reviewed; reverted: undone by a later change. */
export type ChangeStatus = 'applied' | 'pending' | 'accepted' | 'rejected' | 'reverted';
/**
 * What `before` and `after` describe: `dataset-record` is one dataset's version of one record ({section, item}, null
 * when the dataset did not assert it); `store-record` is the record as the whole store held it (null: retracted);
 * `dataset` is a whole dataset (imports: counts only).
 */
export type ChangeScope = 'dataset-record' | 'store-record' | 'dataset';

/** Who did what to which record, why, and where it stands. */
interface ChangeFacts {
  author: string;
  role: string | null;
  dataset: string | null;
  reason: string | null;
  summary: string;
  action: ChangeAction;
  record: string | null;
  scope: ChangeScope;
  status: ChangeStatus;
}

export interface NewChange extends ChangeFacts {
  before: unknown;
  after: unknown;
  revertOf?: string | null;
  counts?: Record<string, unknown> | null;
  /** The version of the record the change was made on (a proposal's accept is refused once the record has moved on). */
  baseVersion?: string | null;
}

/** A change as stored and read back: states and counts as JSON text. */
export interface ChangeRow extends ChangeFacts {
  id: string;
  seq: number;
  at: string;
  before: string | null;
  after: string | null;
  revertOf: string | null;
  counts: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  settledBy: string | null;
  /** The version of the record a proposal was made on; null for other changes. */
  baseVersion: string | null;
  /** What the API needs to withhold a small pool's figures from `before` and `after` (read with the change). */
  facts: PoolFacts;
}

/**
 * Writes `change` inside `tx` under the next change number; returns it as stored. The change notes the pool its states
 * concern and the sizes they carry, so that the history can withhold that pool's figures even after the pool is gone,
 * and is sealed with its ledger hash in the same transaction.
 */
export async function recordChange(tx: Transaction, change: NewChange): Promise<ChangeRow> {
  // A change made earlier in this transaction is sealed first: this one's `prev` is its hash.
  await sealPendingChange(tx);
  const subject = [change.before, change.after].map((s) => stateSubject(s, change.record)).find((x) => x.pool !== null);
  const [row] = await tx.run('change-create', {
    ...change,
    pool: subject?.pool ?? null,
    poolSizes: [...sizesIn(change.before), ...sizesIn(change.after)],
    before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    revertOf: change.revertOf ?? null,
    counts: change.counts ? JSON.stringify(change.counts) : null,
    baseVersion: change.baseVersion ?? null,
    // Readers see neither proposals nor rejections, so those must not move the store's version either.
    publishes: change.status !== 'pending' && change.action !== 'reject',
  });
  // The seq this transaction announced to the links it stamped (nextChangeSeq) must be the one the change got.
  const stored = row!.stored as Record<string, unknown>;
  const expected = announced.get(tx);
  if (expected !== undefined && Number(stored.seq) !== expected)
    throw new Error(`change ${String(stored.seq)} is not change ${expected}, which this write stamped its links with`);
  announced.delete(tx);
  // The ledger (docs/versioning.md): the change is sealed once the transaction's writes are done (a path may write
  // after recording the change, with its id), with the evidence digest after them.
  if (!pendingIn.has(tx)) tx.beforeCommit(() => sealPendingChange(tx));
  pendingIn.set(tx, stored);
  return toChangeRow(row!.change);
}

/**
 * The seq the change this transaction is about to record will get (docs/versioning.md: the links a write makes carry it
 * as `recFrom`, those it retires as `recTo`). It locks the change counter until `tx` ends, so it stays the same until
 * recordChange uses it: recordChange refuses a change whose seq is not the one announced.
 */
export async function nextChangeSeq(tx: Transaction): Promise<number> {
  const [row] = await tx.run('change-next-seq');
  const seq = Number(row!.seq);
  announced.set(tx, seq);
  return seq;
}
const announced = new WeakMap<Transaction, number>();

/** The change recorded in a transaction and not sealed yet (its stored properties, as change-create returned them). */
const pendingIn = new WeakMap<Transaction, Record<string, unknown>>();

/**
 * Seals the change recorded in `tx` and not sealed yet: stamps the evidence the transaction touched, stores the digest
 * after it on the change (`digest`), and the hash of what was stored, chained to the previous change by its `prev`.
 */
async function sealPendingChange(tx: Transaction): Promise<void> {
  const stored = pendingIn.get(tx);
  if (!stored) return;
  pendingIn.delete(tx);
  const digest = await sealEvidence(tx);
  const content = digest === null ? stored : { ...stored, digest };
  await tx.run('change-seal', { seq: stored.seq, hash: changeHash(content), digest });
}

/** A stored change's map as a ChangeRow (absent fields as null). Pure. */
export function toChangeRow(value: unknown): ChangeRow {
  const v = value as Record<string, unknown>;
  const text = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
  return {
    id: String(v.id),
    seq: Number(v.seq),
    at: String(v.at),
    author: String(v.author),
    role: text('role'),
    dataset: text('dataset'),
    reason: text('reason'),
    summary: String(v.summary ?? ''),
    action: v.action as ChangeAction,
    record: text('record'),
    scope: v.scope as ChangeScope,
    before: text('before'),
    after: text('after'),
    status: v.status as ChangeStatus,
    revertOf: text('revertOf'),
    counts: text('counts'),
    reviewedBy: text('reviewedBy'),
    reviewedAt: text('reviewedAt'),
    settledBy: text('settledBy'),
    baseVersion: text('baseVersion'),
    facts: {
      poolSizes: Array.isArray(v.poolSizes)
        ? (v.poolSizes as unknown[]).map((x) => (typeof x === 'number' ? x : null))
        : [],
      performerSizes: Array.isArray(v.performerSizes)
        ? (v.performerSizes as unknown[]).map((x) => (typeof x === 'number' ? x : null))
        : [],
      ...(Array.isArray(v.performerSizesThen)
        ? {
            performerSizesThen: (v.performerSizesThen as unknown[]).map((x) => (typeof x === 'number' ? x : null)),
          }
        : {}),
      poolKnown: v.poolNoted === true,
    },
  };
}
