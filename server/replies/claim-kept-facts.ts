// What reports add to each verdict, read from the store: since when the kept verdict holds, and the right of reply on the claim.
import type { Database } from '../db/index.js';
import { dayOf, toReply, type ReplyModel } from './reply-model.js';
import { recordedQuery } from '../db/cypher-template.js';

export interface KeptFacts {
  /** When the kept verdict last changed (ISO date-time); null before one was kept. */
  verdictSince: string | null;
  replies: ReplyModel[];
}

/**
 * For each claim, its kept verdict's date and the requests for reply that name it (two small queries a claim), read on
 * day `today`; with `recorded`, as they stood just after change `seq` (the replies as recorded, each one's status on
 * the day of moment `at`, the verdict's date as kept by then).
 */
export async function claimKeptFacts(
  db: Database,
  claimIds: readonly string[],
  today: string,
  recorded?: { seq: number; at: string },
): Promise<Map<string, KeptFacts>> {
  const out = new Map<string, KeptFacts>();
  for (const claimId of claimIds)
    out.set(claimId, {
      verdictSince: await keptVerdictSince(db, claimId, recorded),
      replies: await claimReplies(db, claimId, today, recorded),
    });
  return out;
}

/** The requests for reply that name claim `claimId`, read on day `today`; with `recorded`, as they stood then, on that day. */
export async function claimReplies(
  db: Database,
  claimId: string,
  today: string,
  recorded?: { seq: number; at: string },
): Promise<ReplyModel[]> {
  const { query, extra } = recordedQuery('claim-replies', recorded?.seq);
  const day = dayOf(recorded?.at) ?? today;
  const rows = await db.read(query, { claimId, ...extra });
  return rows.map((r) => toReply(r as Parameters<typeof toReply>[0], day));
}

/** When claim `claimId`'s kept verdict last changed (null before one was kept); with `recorded`, as kept by then. */
export async function keptVerdictSince(
  db: Database,
  claimId: string,
  recorded?: { seq: number },
): Promise<string | null> {
  const [since] = await db.read('verdict-since', { claimId, seq: recorded?.seq ?? null });
  return (since?.since as string | null | undefined) ?? null;
}
