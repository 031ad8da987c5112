// The Query fields of verdicts kept over time: one claim's history of verdicts, and every change of verdict (what the watch feed shows).
import type { QueryResolvers, VerdictChange } from '../schema/generated-types.js';
import type { Database } from '../db/index.js';
import { checkId, checkRange } from './arguments.js';
import { pageCursor, seqKey } from './page-cursor.js';
import { checkSince } from './history-resolvers.js';

const VERDICTS_FIRST = 200;

/** The verdict lists' cursors: a change of verdict's number (newest first, so the next page is before it). */
const verdictCursor = pageCursor('verdict', seqKey, 'verdictChanges or verdictHistory');
export const encodeVerdictCursor = verdictCursor.encode;
export const decodeVerdictCursor = verdictCursor.decode;

/** A kept change of verdict as the API answers it. Pure. */
export function toVerdictChange(v: Record<string, unknown>): VerdictChange & { n: number } {
  const text = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
  return {
    n: Number(v.n),
    id: `verdict-change-${Number(v.n)}`,
    claimId: String(v.claimId),
    claimText: text('claimText'),
    subjectId: text('subject'),
    subjectName: text('subjectName'),
    byId: text('by'),
    old: text('old') as VerdictChange['old'],
    new: text('new') as VerdictChange['new'],
    at: String(v.at),
    changeId: String(v.changeId),
    changeSeq: Number(v.seq),
    changeSummary: text('changeSummary'),
    explanation: text('explanation'),
    evidence: ((v.evidence as string[] | null) ?? []).map(String),
  };
}

/** One page of kept changes of verdict, newest first (verdict-changes.cypher). */
export async function verdictChangePage(
  db: Database,
  q: {
    claimId: string | null;
    organizationId: string | null;
    since: string | null;
    first: number;
    after: string | null | undefined;
  },
) {
  const [row] = await db.read('verdict-changes', {
    claimId: q.claimId,
    organizationId: q.organizationId,
    since: q.since,
    first: q.first,
    before: decodeVerdictCursor(q.after),
  });
  const page = ((row?.page ?? []) as Record<string, unknown>[]).map(toVerdictChange).sort((a, b) => b.n - a.n);
  const shown = page.slice(0, q.first);
  return {
    totalCount: Number(row?.totalCount ?? 0),
    edges: shown.map((node) => ({ cursor: encodeVerdictCursor(node.n), node })),
    pageInfo: {
      hasNextPage: page.length > q.first,
      endCursor: shown.length ? encodeVerdictCursor(shown.at(-1)!.n) : null,
    },
  };
}

export const verdictQueryResolvers: Pick<QueryResolvers, 'verdictHistory' | 'verdictChanges'> = {
  verdictHistory: (_root, { claimId, first, after }, { db }) =>
    verdictChangePage(db, {
      claimId: checkId(claimId, 'claimId'),
      organizationId: null,
      since: null,
      first: checkRange(first, 'first', 1, VERDICTS_FIRST),
      after,
    }),
  verdictChanges: (_root, { since, organizationId, first, after }, { db }) =>
    verdictChangePage(db, {
      claimId: null,
      organizationId: organizationId ? checkId(organizationId, 'organizationId') : null,
      since: checkSince(since),
      first: checkRange(first, 'first', 1, VERDICTS_FIRST),
      after,
    }),
};
