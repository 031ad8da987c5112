// The right of reply in the API: the replies(organizationId) page, and each claim audit's replies and since when its kept verdict holds
// (and its evidence, drawn by the audit's own query when selected).
import type { ClaimAuditResolvers, QueryResolvers } from '../schema/generated-types.js';
import { badInput } from '../errors.js';
import { toReply } from '../replies/reply-model.js';
import { claimReplies, keptVerdictSince } from '../replies/claim-kept-facts.js';
import { checkId, checkRange } from './arguments.js';

const REPLIES_FIRST = 200;

/** A reply's cursor: the base64url of the day it was asked and its id (the page is in that order, newest first). */
export function encodeReplyCursor(askedOn: string, id: string): string {
  return Buffer.from(`reply:${askedOn}:${id}`, 'utf8').toString('base64url');
}

/** The day and id a cursor stands for (empty for the first page); BAD_USER_INPUT for anything encodeReplyCursor did not make. */
export function decodeReplyCursor(cursor: string | null | undefined): { afterOn: string; afterId: string } {
  if (cursor === null || cursor === undefined || cursor === '') return { afterOn: '', afterId: '' };
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^reply:(\d{4}-\d{2}-\d{2}):(.+)$/.exec(text);
  if (!m || encodeReplyCursor(m[1]!, m[2]!) !== cursor)
    throw badInput('after must be an endCursor returned by a previous replies query; leave it out for the first page');
  return { afterOn: m[1]!, afterId: m[2]! };
}

export const replyQueryResolvers: Pick<QueryResolvers, 'replies'> = {
  async replies(_root, { organizationId, first, after }, { db, today }) {
    const size = checkRange(first, 'first', 1, REPLIES_FIRST);
    const [row] = await db.read('reply-page', {
      organizationId: checkId(organizationId, 'organizationId'),
      first: size,
      ...decodeReplyCursor(after),
    });
    const page = ((row?.page ?? []) as Record<string, unknown>[]).map((r) =>
      toReply(r as Parameters<typeof toReply>[0], today),
    );
    const shown = page.slice(0, size);
    return {
      edges: shown.map((node) => ({ cursor: encodeReplyCursor(node.askedOn, node.id), node })),
      pageInfo: {
        hasNextPage: page.length > size,
        endCursor: shown.length ? encodeReplyCursor(shown.at(-1)!.askedOn, shown.at(-1)!.id) : null,
      },
      totalCount: Number(row?.totalCount ?? 0),
    };
  },
};

export const claimAuditResolvers: ClaimAuditResolvers = {
  // The audit and scorecard resolvers read the links' properties whenever a query selects the evidence.
  evidence(audit) {
    if (audit.evidence) return audit.evidence;
    throw new Error(`claimAudit: the audit of ${audit.claim.id} was read without its evidence links`);
  },
  // As recorded, the replies as they stood then, each one's status on that day, and the kept verdict's date then.
  replies: (audit, _args, { db, today }) => claimReplies(db, audit.claim.id, today, audit.recorded),
  verdictSince: (audit, _args, { db }) => keptVerdictSince(db, audit.claim.id, audit.recorded),
};
