// The history of the evidence: every import, removal, edit, retraction, revert and review is one Change, written in the
// transaction that makes it, so that the history and the store never disagree.
import type { Transaction } from '../db/index.js';

/** What a change did. */
export type ChangeAction = 'import' | 'replace-all' | 'remove' | 'upsert' | 'retract' | 'revert' | 'accept' | 'reject';
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
}

/** Writes `change` inside `tx` under the next change number; returns it as stored. */
export async function recordChange(tx: Transaction, change: NewChange): Promise<ChangeRow> {
  const [row] = await tx.run('change-create', {
    ...change,
    before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    revertOf: change.revertOf ?? null,
    counts: change.counts ? JSON.stringify(change.counts) : null,
  });
  return toChangeRow(row!.change);
}

/** A stored change's map as a ChangeRow (absent fields as null). Pure. */
export function toChangeRow(value: unknown): ChangeRow {
  const v = value as Record<string, unknown>;
  const text = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
  return {
    id: String(v.id), seq: Number(v.seq), at: String(v.at), author: String(v.author), role: text('role'), dataset: text('dataset'),
    reason: text('reason'), summary: String(v.summary ?? ''), action: v.action as ChangeAction, record: text('record'),
    scope: v.scope as ChangeScope, before: text('before'), after: text('after'), status: v.status as ChangeStatus,
    revertOf: text('revertOf'), counts: text('counts'), reviewedBy: text('reviewedBy'), reviewedAt: text('reviewedAt'),
    settledBy: text('settledBy'),
  };
}
