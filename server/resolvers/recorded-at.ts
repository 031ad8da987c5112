// `recordedAt` (docs/versioning.md, "As recorded on"): which query a field runs for a moment of the store, and with which `seq`.
import type { Database } from '../db/index.js';
import { recordedQuery } from '../db/cypher-template.js';
import { badInput } from '../errors.js';
import type { ClaimAuditModel, EntityModel } from '../models/models.js';

/**
 * The seq of the last change at or before `recordedAt`; undefined when `recordedAt` is absent (the store as it is now).
 * A moment before the store's first change has no store to read: BAD_USER_INPUT, naming the first change's moment
 * (and `argument`, the name the caller gave the moment: `--recorded-at` on the command line).
 */
export async function recordedSeq(
  db: Database,
  recordedAt: string | null | undefined,
  argument = 'recordedAt',
): Promise<number | undefined> {
  if (recordedAt === null || recordedAt === undefined) return undefined;
  const [row] = await db.read('change-at', { at: recordedAt });
  if (row?.seq === null || row?.seq === undefined) {
    throw badInput(
      row?.first
        ? `${argument} ${recordedAt} is before the store's first recorded change (${String(row.first)}); ask for a moment after it, or leave ${argument} out for the store as it is now`
        : `${argument} ${recordedAt}: this store has recorded no change yet; leave ${argument} out for the store as it is now`,
    );
  }
  return Number(row.seq);
}

/**
 * The query to run and its extra parameters for `recordedAt`: none, the query of today; a moment, its `-recorded`
 * variant (generated from the same template) with `seq` = the last change at or before it.
 */
export async function asRecorded(
  db: Database,
  query: string,
  recordedAt: string | null | undefined,
): Promise<{ query: string; extra: { seq?: number } }> {
  return recordedQuery(query, await recordedSeq(db, recordedAt));
}

/** The entity read as recorded just after change `seq` (when there is one): its fields read later (a pool's pay) are too. */
export function readAt(e: EntityModel, seq: number | undefined): EntityModel {
  return seq === undefined ? e : { ...e, recordedSeq: seq };
}

/** The audits read as recorded just after change `seq`, at moment `at` (when there is one): their replies and kept verdict's date are too. Pure. */
export function auditsAt(
  audits: ClaimAuditModel[],
  seq: number | undefined,
  at: string | null | undefined,
): ClaimAuditModel[] {
  return seq === undefined || !at ? audits : audits.map((a) => ({ ...a, recorded: { seq, at } }));
}
