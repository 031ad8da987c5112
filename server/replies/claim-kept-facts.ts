// What reports add to each verdict, read from the store: since when the kept verdict holds, and the right of reply on the claim.
import type { Database } from '../db/index.js';
import { toReply, type ReplyModel } from './reply-model.js';

export interface KeptFacts {
  /** When the kept verdict last changed (ISO date-time); null before one was kept. */
  verdictSince: string | null;
  replies: ReplyModel[];
}

/** For each claim, its kept verdict's date and the requests for reply that name it (two small queries a claim), read on day `today`. */
export async function claimKeptFacts(
  db: Database,
  claimIds: readonly string[],
  today: string,
): Promise<Map<string, KeptFacts>> {
  const out = new Map<string, KeptFacts>();
  for (const claimId of claimIds) {
    const [since] = await db.read('verdict-since', { claimId });
    const replies = await db.read('claim-replies', { claimId });
    out.set(claimId, {
      verdictSince: (since?.since as string | null | undefined) ?? null,
      replies: replies.map((r) => toReply(r as Parameters<typeof toReply>[0], today)),
    });
  }
  return out;
}
