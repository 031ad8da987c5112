// Saved investigations: any valid token saves and opens them; only their owner (or an admin) replaces or deletes them.
// Their answers are never cached (saving one does not change the store's version): see UNCACHED_FIELDS.
import type { MutationResolvers, QueryResolvers } from '../schema/generated-types.js';
import { investigationProblems } from '../investigations/investigation-input.js';
import {
  decodeInvestigationCursor,
  deleteInvestigation,
  encodeInvestigationCursor,
  findInvestigation,
  listInvestigations,
  saveInvestigation,
} from '../investigations/investigation-store.js';
import { apiError } from '../errors.js';
import { checkId, checkRange } from './arguments.js';
import { requireRole } from './mutation-resolvers.js';

const INVESTIGATIONS_FIRST = 200;

export const investigationQueryResolvers: Pick<
  QueryResolvers,
  'investigation' | 'investigations' | 'investigationPage'
> = {
  async investigation(_root, { id }, context) {
    requireRole(context, 'reader');
    return findInvestigation(context.db, checkId(id, 'id'));
  },
  async investigations(_root, { first }, context) {
    const caller = requireRole(context, 'reader');
    return listInvestigations(context.db, caller, checkRange(first, 'first', 1, INVESTIGATIONS_FIRST));
  },
  async investigationPage(_root, { first, after }, context) {
    const caller = requireRole(context, 'reader');
    const size = checkRange(first, 'first', 1, INVESTIGATIONS_FIRST);
    const position = after ? decodeInvestigationCursor(after) : null;
    if (after && !position)
      throw apiError(
        'BAD_USER_INPUT',
        'after must be an endCursor returned by a previous investigationPage query; leave it out for the first page',
      );
    const page = await listInvestigations(context.db, caller, size + 1, position);
    const shown = page.slice(0, size);
    return {
      edges: shown.map((node) => ({ cursor: encodeInvestigationCursor(node), node })),
      pageInfo: {
        hasNextPage: page.length > size,
        endCursor: shown.length ? encodeInvestigationCursor(shown.at(-1)!) : null,
      },
    };
  },
};

/** What the server allows when the configuration does not say (INVESTIGATION_QUOTA_COUNT, INVESTIGATION_QUOTA_KB). */
export const DEFAULT_INVESTIGATION_QUOTA = { count: 200, bytes: 2048 * 1024 } as const;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} kB`;

/** Which limit a save passes, by how much, and what to do. Pure. */
export function overQuotaMessage(
  over: { others: number; otherBytes: number; bytes: number },
  quota: { count: number; bytes: number },
): string {
  const todo =
    'delete investigations you no longer need (deleteInvestigation), or ask the operator to raise INVESTIGATION_QUOTA_COUNT or INVESTIGATION_QUOTA_KB';
  if (over.others + 1 > quota.count)
    return `the investigation was not saved: a token keeps at most ${quota.count.toLocaleString('en')} investigations and this one's owner has ${over.others.toLocaleString('en')} others; ${todo}`;
  return `the investigation was not saved: a token's investigations hold at most ${kb(quota.bytes)} together; its owner's others hold ${kb(over.otherBytes)} and this one ${kb(over.bytes)}. Shorten its notes, or ${todo}`;
}

export const investigationMutationResolvers: Pick<MutationResolvers, 'saveInvestigation' | 'deleteInvestigation'> = {
  async saveInvestigation(_root, { investigation }, context) {
    const caller = requireRole(context, 'reader');
    const problems = investigationProblems(investigation);
    if (problems.length)
      throw apiError(
        'BAD_USER_INPUT',
        `the investigation was not saved: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        problems,
      );
    const quota = context.investigationQuota ?? DEFAULT_INVESTIGATION_QUOTA;
    const outcome = await saveInvestigation(context.db, caller, investigation, quota);
    if ('forbidden' in outcome)
      throw apiError(
        'FORBIDDEN',
        `investigation "${investigation.id}" was saved by someone else: save yours as a new one (leave out the id), or ask its owner`,
      );
    if ('overQuota' in outcome) throw apiError('QUOTA_EXCEEDED', overQuotaMessage(outcome.overQuota, quota));
    return outcome.saved;
  },
  async deleteInvestigation(_root, { id }, context) {
    const caller = requireRole(context, 'reader');
    const { found, allowed } = await deleteInvestigation(context.db, caller, checkId(id, 'id'));
    if (found && !allowed)
      throw apiError(
        'FORBIDDEN',
        `investigation "${id}" was saved by someone else; only its owner or an admin deletes it`,
      );
    return found;
  },
};
