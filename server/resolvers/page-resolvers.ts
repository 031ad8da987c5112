// The growing lists that page the one way (first/after, a connection with pageInfo): claimPage and historyPage, beside
// organizations, changes and investigationPage. Cursors are opaque; a cursor that is not one of ours is BAD_USER_INPUT.
import type { QueryResolvers } from '../schema/generated-types.js';
import { toClaim } from '../audit/audit-rows.js';
import { toChangeRow } from '../history/change-log.js';
import { allows } from '../auth/roles.js';
import { badInput } from '../errors.js';
import type { Database } from '../db/index.js';
import { checkId, checkRange, LIMITS } from './arguments.js';
import { decodeChangeCursor, encodeChangeCursor } from './history-resolvers.js';
import { selects } from './selects.js';

const HISTORY_FIRST = 200;
type Row = Record<string, unknown>;

/** A claim's cursor: the base64url of its id, so the next page starts after it in id order. */
export function encodeClaimCursor(id: string): string {
  return Buffer.from(`claim:${id}`, 'utf8').toString('base64url');
}

/** The claim id a cursor stands for ('' for the first page); BAD_USER_INPUT for anything not made by encodeClaimCursor. */
export function decodeClaimCursor(cursor: string | null | undefined): string {
  if (cursor === null || cursor === undefined || cursor === '') return '';
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('claim:') || encodeClaimCursor(text.slice(6)) !== cursor) {
    throw badInput(
      'after must be an endCursor returned by a previous claimPage query; leave it out for the first page',
    );
  }
  return text.slice(6);
}

/** One page of claims (and their count when asked), as claimPage and the deprecated claims read them: one query. */
export async function readClaimPage(
  db: Database,
  organizationId: string | null | undefined,
  first: number,
  after: string,
  withCount: boolean,
) {
  const [row] = await db.read('claim-page', { organizationId: organizationId ?? null, first, after, withCount });
  const page = ((row?.page ?? []) as Row[]).map((r) => toClaim(r.claim as Row, r.by as Row, r.subject as Row));
  return { page, totalCount: Number(row?.totalCount ?? 0) };
}

const seesPending = (role: string | undefined) => role !== undefined && allows(role as 'reader', 'editor');

export const pageQueryResolvers: Pick<QueryResolvers, 'claimPage' | 'historyPage'> = {
  async claimPage(_root, { organizationId, first, after }, { db }, info) {
    const size = checkRange(first, 'first', 1, LIMITS.claimsFirst);
    const { page, totalCount } = await readClaimPage(
      db,
      organizationId,
      size,
      decodeClaimCursor(after),
      selects(info, ['totalCount']),
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
  async historyPage(_root, { id, first, after }, { db, caller }) {
    const size = checkRange(first, 'first', 1, HISTORY_FIRST);
    const rows = await db.read('history', {
      record: checkId(id, 'id'),
      first: size + 1,
      before: decodeChangeCursor(after, 'historyPage'),
      showUnpublished: seesPending(caller?.role),
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
