// The grouped views: cascadeGroups (a neighbourhood as groups) and cascadeGroupMembers (one page of one group); each runs one Cypher query.
import type { QueryResolvers } from '../schema/generated-types.js';
import { badInput, notFound } from '../errors.js';
import { checkDepth, checkId, checkRange } from './arguments.js';
import { idKey, pageCursor } from './page-cursor.js';
import { asRecorded } from './recorded-at.js';
import { protectNode, rows, toGraphNode, toGroupedView } from '../models/index.js';

/** A grouped view gathers at most this many nodes: it sends counts, not members, so it may reach further than a drawn cascade. */
export const GROUPED_LIMIT = 20_000;
const MEMBERS_FIRST = 500;
/** A group's pages: the last member's id ('' before the first page). */
const memberCursor = pageCursor('member', idKey, 'cascadeGroupMembers');
const NAME_CONTAINS_MAX = 200;

const missing = (id: string) => notFound(`no entity has id "${id}"; check the id (search finds ids by name)`);

export const groupQueryResolvers: Pick<QueryResolvers, 'cascadeGroups' | 'cascadeGroupMembers'> = {
  async cascadeGroups(
    _root,
    { rootId, direction, maxDepth, asOf, recordedAt, limit },
    { db, today, heavy, minPoolSize },
  ) {
    const { query, extra } = await asRecorded(db, 'cascade-groups', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, {
        ...extra,
        rootId: checkId(rootId, 'rootId'),
        direction,
        maxDepth: checkDepth(maxDepth),
        asOf: asOf ?? today,
        limit: checkRange(limit, 'limit', 1, GROUPED_LIMIT),
        minPoolSize,
      }),
    );
    if (!row) throw missing(rootId);
    const total = Number(row.total);
    return {
      ...toGroupedView(rows(row.groups), rows(row.links), String(row.rootName)),
      truncated: total > limit,
      totalNodes: total,
      groupedNodes: Number(row.kept),
    };
  },

  async cascadeGroupMembers(
    _root,
    { rootId, direction, maxDepth, asOf, recordedAt, limit, group, nameContains, first, after },
    { db, today, heavy, minPoolSize },
  ) {
    const from = memberCursor.decode(after) ?? '';
    if (nameContains !== null && nameContains !== undefined && nameContains.length > NAME_CONTAINS_MAX) {
      throw badInput(`nameContains is ${nameContains.length} characters long; it takes at most ${NAME_CONTAINS_MAX}`);
    }
    const { query, extra } = await asRecorded(db, 'cascade-group-members', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, {
        ...extra,
        rootId: checkId(rootId, 'rootId'),
        direction,
        maxDepth: checkDepth(maxDepth),
        asOf: asOf ?? today,
        limit: checkRange(limit, 'limit', 1, GROUPED_LIMIT),
        group: checkId(group, 'group'),
        nameContains: nameContains?.trim() || null,
        first: checkRange(first, 'first', 1, MEMBERS_FIRST),
        after: from,
      }),
    );
    if (!row) throw missing(rootId);
    const page = rows(row.page)
      .map(toGraphNode)
      .map((n) => protectNode(n, minPoolSize));
    const shown = page.slice(0, first);
    return {
      nodes: shown,
      totalCount: Number(row.totalCount),
      pageInfo: {
        hasNextPage: page.length > first,
        endCursor: shown.length ? memberCursor.encode(shown.at(-1)!.id) : null,
      },
    };
  },
};
