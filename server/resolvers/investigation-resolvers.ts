// Saved investigations: any valid token saves and opens them; only their owner (or an admin) replaces or deletes them.
// Their answers are never cached (saving one does not change the store's version): see UNCACHED_FIELDS.
import type { MutationResolvers, QueryResolvers } from '../schema/generated-types.js';
import { investigationProblems } from '../investigations/investigation-input.js';
import { deleteInvestigation, findInvestigation, listInvestigations, saveInvestigation } from '../investigations/investigation-store.js';
import { apiError } from '../errors.js';
import { checkId, checkRange } from './arguments.js';
import { requireRole } from './mutation-resolvers.js';

export const investigationQueryResolvers: Pick<QueryResolvers, 'investigation' | 'investigations'> = {
  async investigation(_root, { id }, context) {
    requireRole(context, 'reader');
    return findInvestigation(context.db, checkId(id, 'id'));
  },
  async investigations(_root, { first }, context) {
    const caller = requireRole(context, 'reader');
    return listInvestigations(context.db, caller, checkRange(first, 'first', 1, 200));
  },
};

export const investigationMutationResolvers: Pick<MutationResolvers, 'saveInvestigation' | 'deleteInvestigation'> = {
  async saveInvestigation(_root, { investigation }, context) {
    const caller = requireRole(context, 'reader');
    const problems = investigationProblems(investigation);
    if (problems.length) throw apiError('BAD_USER_INPUT', `the investigation was not saved: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
    const saved = await saveInvestigation(context.db, caller, investigation);
    if (!saved) throw apiError('FORBIDDEN', `investigation "${investigation.id}" was saved by someone else: save yours as a new one (leave out the id), or ask its owner`);
    return saved;
  },
  async deleteInvestigation(_root, { id }, context) {
    const caller = requireRole(context, 'reader');
    const { found, allowed } = await deleteInvestigation(context.db, caller, checkId(id, 'id'));
    if (found && !allowed) throw apiError('FORBIDDEN', `investigation "${id}" was saved by someone else; only its owner or an admin deletes it`);
    return found;
  },
};
