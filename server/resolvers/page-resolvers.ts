// The growing lists that page the one way (first/after, a connection with pageInfo): claimPage and historyPage, beside
// organizations, changes and investigationPage. Cursors are opaque; a cursor that is not one of ours is BAD_USER_INPUT.
import type { QueryResolvers } from '../schema/generated-types.js';
import { toClaim } from '../audit/audit-rows.js';
import { toChangeRow } from '../history/change-log.js';
import { allows } from '../auth/roles.js';
import type { Database } from '../db/index.js';
import { recordedQuery } from '../db/cypher-template.js';
import { recordedSeq } from './recorded-at.js';
import { checkId, checkRange, LIMITS } from './arguments.js';
import { decodeChangeCursor, encodeChangeCursor } from './history-resolvers.js';
import { selects } from './selects.js';
import { idKey, pageCursor } from './page-cursor.js';

const HISTORY_FIRST = 200;
type Row = Record<string, unknown>;

/** A claim's cursor: its id, so the next page starts after it in id order ('' before the first page). */
const claimCursor = pageCursor('claim', idKey, 'claimPage');
export const encodeClaimCursor = claimCursor.encode;
export const decodeClaimCursor = (cursor: string | null | undefined): string => claimCursor.decode(cursor) ?? '';

/** One page of claims (and their count when asked), as claimPage and the deprecated claims read them: one query. */
export async function readClaimPage(
  db: Database,
  organizationId: string | null | undefined,
  first: number,
  after: string,
  withCount: boolean,
  /** The change whose store to read (`recordedAt`): the claims held then, as they read then; none: as they are now. */
  seq?: number,
) {
  const { query, extra } = recordedQuery('claim-page', seq);
  const [row] = await db.read(query, { organizationId: organizationId ?? null, first, after, withCount, ...extra });
  const page = ((row?.page ?? []) as Row[]).map((r) => toClaim(r.claim as Row, r.by as Row, r.subject as Row));
  return { page, totalCount: Number(row?.totalCount ?? 0) };
}

const seesPending = (role: string | undefined) => role !== undefined && allows(role as 'reader', 'editor');

export const pageQueryResolvers: Pick<QueryResolvers, 'claimPage' | 'historyPage'> = {
  async claimPage(_root, { organizationId, first, after, recordedAt }, { db }, info) {
    const size = checkRange(first, 'first', 1, LIMITS.claimsFirst);
    const { page, totalCount } = await readClaimPage(
      db,
      organizationId,
      size,
      decodeClaimCursor(after),
      selects(info, ['totalCount']),
      await recordedSeq(db, recordedAt),
    );
    const shown = page.slice(0, size);
    return {
      edges: shown.map((node) => ({ cursor: encodeClaimCursor(node.id), node })),
      pageInfo: {
        hasNextPage: page.length > size,
        endCursor: shown.length ? encodeClaimCursor(shown.at(-1)!.id) : null,
      },
      totalCount,
    };
  },

  // The same query as `history`, from a change number on; its changes pass the Change resolvers, which withhold a small
  // pool's figures from every change the API answers (the one path of history-resolvers.ts).
  async historyPage(_root, { id, first, after, recordedAt }, { db, caller }) {
    const record = checkId(id, 'id');
    const size = checkRange(first, 'first', 1, HISTORY_FIRST);
    const before = decodeChangeCursor(after);
    const { query, extra } = recordedQuery('history', await recordedSeq(db, recordedAt));
    const rows = await db.read(query, {
      record,
      first: size + 1,
      before,
      showUnpublished: seesPending(caller?.role),
      ...extra,
    });
    const page = rows.map((r) => toChangeRow(r.change));
    const shown = page.slice(0, size);
    return {
      edges: shown.map((node) => ({ cursor: encodeChangeCursor(node.seq), node })),
      pageInfo: {
        hasNextPage: page.length > size,
        endCursor: shown.length ? encodeChangeCursor(shown.at(-1)!.seq) : null,
      },
    };
  },
};
