// The Mutation fields: each checks the caller's role, then makes one change in one transaction (curation/curate.ts).
import type { MutationResolvers } from '../schema/generated-types.js';
import {
  acceptChange,
  CurationError,
  retractRecord,
  revertChange,
  upsertRecord,
  type EditResult,
} from '../curation/curate.js';
import { entityRecord, given } from '../curation/edit-inputs.js';
import { allows, type Caller, type Role } from '../auth/roles.js';
import {
  DatasetPermissionError,
  ImportConflictError,
  importDataset,
  validateDataset,
  type Section,
} from '../dataset/index.js';
import { apiError, badInput } from '../errors.js';
import type { Context } from './context.js';

/** The caller, when their role allows `need`; UNAUTHENTICATED without a token, FORBIDDEN with too small a role. */
export function requireRole(context: Context, need: Role): Caller {
  const caller = context.caller;
  if (!caller)
    throw apiError(
      'UNAUTHENTICATED',
      `This needs a token with role ${need} or above: send Authorization: Bearer <token>; an admin makes one with deep-labour token create`,
    );
  if (!allows(caller.role, need))
    throw apiError(
      'FORBIDDEN',
      `The token "${caller.name}" has role ${caller.role}; this needs ${need}. Ask an admin for an ${need} token`,
    );
  return caller;
}

/** A reason is what a later reader of the history needs: required, one paragraph. */
function checkReason(reason: string | null | undefined, required: boolean): string | null {
  const text = (reason ?? '').trim();
  if (!text) {
    if (required)
      throw badInput(
        'reason must say why (it is kept in the history with the change), e.g. "the 2021 terms of service name the vendor"',
      );
    return null;
  }
  if (text.length > 2000) throw badInput(`reason is ${text.length} characters long; at most 2000`);
  return text;
}

/** Runs a curation step and turns its refusals into API errors with their field paths. */
async function curated(work: () => Promise<EditResult>) {
  try {
    return await work();
  } catch (e) {
    if (e instanceof CurationError) throw apiError(e.code, e.message, e.problems);
    throw e;
  }
}

const upsert =
  (section: Section, argument: string) =>
  async (
    input: object,
    args: { reason: string; dataset?: string | null; needsReview?: boolean | null; expectedVersion?: string | null },
    context: Context,
  ) => {
    const caller = requireRole(context, 'editor');
    const reason = checkReason(args.reason, true)!;
    return curated(() =>
      upsertRecord(context.db, caller, {
        dataset: args.dataset ?? 'curated',
        section,
        fields: given(input),
        reason,
        needsReview: args.needsReview ?? false,
        argument,
        expectedVersion: args.expectedVersion ?? null,
      }),
    );
  };

/** A ReplyInput as the fields of a `replies` record: a new request is asked by the caller unless it says who. */
async function replyFields(
  context: Context,
  caller: Caller,
  input: object,
): Promise<{ fields: Record<string, unknown>; answerUrl: string | undefined }> {
  const { answerUrl, ...rest } = given(input) as Record<string, unknown>;
  if (rest.askedBy === undefined) {
    const [found] = await context.db.read('record-sections', { ids: [String(rest.id ?? '')] });
    if (!found) rest.askedBy = caller.name;
  }
  if (answerUrl !== undefined && answerUrl !== null && typeof answerUrl !== 'string')
    throw badInput('reply.answerUrl must be a web address');
  return { fields: rest, answerUrl: (answerUrl as string | null | undefined) ?? undefined };
}

/** The answer's web address as a source of its own (`<reply id>-answer`, its own change): the answer then counts like any source. */
async function answerAsSource(
  context: Context,
  caller: Caller,
  fields: Record<string, unknown>,
  url: string,
  reason: string,
  args: { dataset?: string | null; needsReview?: boolean | null },
): Promise<string> {
  if (args.needsReview)
    throw badInput(
      'reply.answerUrl cannot wait for review (the source it makes would not exist yet): add the source (upsertSource), then name it as answerSource',
    );
  const id = `${String(fields.id)}-answer`;
  await curated(() =>
    upsertRecord(context.db, caller, {
      dataset: args.dataset ?? 'curated',
      section: 'sources',
      fields: {
        id,
        title: `Answer to request for reply ${String(fields.id)}`,
        type: 'self-declaration',
        url,
        ...(typeof fields.answeredOn === 'string' ? { date: fields.answeredOn } : {}),
      },
      reason,
      argument: 'reply.answerUrl',
    }),
  );
  return id;
}

export const mutationResolvers: MutationResolvers = {
  async upsertEntity(_root, { entity, reason, dataset, needsReview, expectedVersion }, context) {
    const caller = requireRole(context, 'editor');
    const why = checkReason(reason, true)!;
    const record = entityRecord(entity);
    if ('problems' in record)
      throw apiError(
        'BAD_USER_INPUT',
        `the edit is not valid; nothing was written: ${record.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        record.problems,
      );
    try {
      return await upsertRecord(context.db, caller, {
        dataset: dataset ?? 'curated',
        section: record.section,
        fields: record.item,
        reason: why,
        needsReview: needsReview ?? false,
        argument: 'entity',
        expectedVersion: expectedVersion ?? null,
      });
    } catch (e) {
      if (!(e instanceof CurationError)) throw e;
      // A task's kind of work is `taskKind` in the input (its `kind` is "task").
      const problems =
        record.section === 'tasks'
          ? e.problems.map((p) => (p.path === 'entity.kind' ? { ...p, path: 'entity.taskKind' } : p))
          : e.problems;
      throw apiError(
        e.code,
        record.section === 'tasks' ? e.message.replace('entity.kind:', 'entity.taskKind:') : e.message,
        problems,
      );
    }
  },
  upsertLink: (_root, { link, ...args }, context) => upsert('links', 'link')(link, args, context),
  upsertSource: (_root, { source, ...args }, context) => upsert('sources', 'source')(source, args, context),
  upsertClaim: (_root, { claim, ...args }, context) => upsert('claims', 'claim')(claim, args, context),
  upsertReply: async (_root, { reply, ...args }, context) => {
    const caller = requireRole(context, 'editor');
    const reason = checkReason(args.reason, true)!;
    const { fields, answerUrl } = await replyFields(context, caller, reply);
    if (answerUrl !== undefined)
      fields.answerSource = await answerAsSource(context, caller, fields, answerUrl, reason, args);
    return upsert('replies', 'reply')(fields, args, context);
  },

  async retract(_root, { id, reason, needsReview, expectedVersion }, context) {
    const caller = requireRole(context, 'editor');
    const why = checkReason(reason, true)!;
    return curated(() =>
      retractRecord(context.db, caller, {
        id,
        reason: why,
        needsReview: needsReview ?? false,
        expectedVersion: expectedVersion ?? null,
      }),
    );
  },

  async revert(_root, { changeId, reason }, context) {
    const caller = requireRole(context, 'editor');
    const why = checkReason(reason, true)!;
    return curated(() => revertChange(context.db, caller, { changeId, reason: why }));
  },

  async acceptChange(_root, { changeId, reason }, context) {
    const caller = requireRole(context, 'admin');
    const why = checkReason(reason, true)!;
    return curated(() => acceptChange(context.db, caller, { changeId, reason: why }));
  },

  async importDataset(_root, { dataset, reason }, context) {
    const caller = requireRole(context, 'editor');
    const why = checkReason(reason, false);
    const validation = validateDataset(dataset, { minPoolSize: context.minPoolSize });
    if (!validation.ok) {
      throw apiError(
        'BAD_USER_INPUT',
        `the dataset is not valid; nothing was written (${validation.problems.length} problem${validation.problems.length === 1 ? '' : 's'}): ${validation.problems
          .slice(0, 5)
          .map((p) => `dataset.${p.path}: ${p.message}`)
          .join('; ')}`,
        validation.problems.map((p) => ({ path: `dataset.${p.path}`, message: p.message })),
      );
    }
    try {
      const summary = await importDataset(context.db, validation.dataset, {
        author: caller.name,
        role: caller.role,
        reason: why,
        requester: { name: caller.name, admin: allows(caller.role, 'admin') },
      });
      return {
        ...summary,
        warnings: [
          ...validation.warnings.map((w) => ({ path: `dataset.${w.path}`, message: w.message })),
          ...summary.warnings,
        ],
        change: summary.change!,
      };
    } catch (e) {
      if (e instanceof DatasetPermissionError)
        throw apiError('FORBIDDEN', e.message, [{ path: 'dataset.id', message: e.message }]);
      if (!(e instanceof ImportConflictError)) throw e;
      throw apiError(
        'BAD_USER_INPUT',
        `${e.message}: ${e.problems
          .slice(0, 5)
          .map((p) => `dataset.${p.path}: ${p.message}`)
          .join('; ')}`,
        e.problems.map((p) => ({ path: `dataset.${p.path}`, message: p.message })),
      );
    }
  },
};
