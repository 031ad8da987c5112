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
  const { query, extra } = recordedQuery('claim-replies', recorded?.seq);
  const day = dayOf(recorded?.at) ?? today;
  for (const claimId of claimIds) {
    const [since] = await db.read('verdict-since', { claimId, seq: recorded?.seq ?? null });
    const replies = await db.read(query, { claimId, ...extra });
    out.set(claimId, {
      verdictSince: (since?.since as string | null | undefined) ?? null,
      replies: replies.map((r) => toReply(r as Parameters<typeof toReply>[0], day)),
    });
  }
  return out;
}
