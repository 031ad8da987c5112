// The history's Query fields (who changed what, when and why) and the Change type's JSON fields.
import type { ChangeResolvers, QueryResolvers } from '../schema/generated-types.js';
import { toChangeRow } from '../history/change-log.js';
import { publishedLedgerHead } from '../history/ledger-verify.js';
import { allows } from '../auth/roles.js';
import { recordVersion, type StoredRecord } from '../curation/record-version.js';
import { protectState } from '../models/index.js';
import { badInput } from '../errors.js';
import { checkId, checkRange } from './arguments.js';
import { pageCursor, seqKey } from './page-cursor.js';
import { asRecorded } from './recorded-at.js';

const HISTORY_FIRST = 200;

/** The history's cursors: a change's number (the lists page newest first, so the next page is before it). */
const changeCursor = pageCursor('change', seqKey, 'changes or historyPage');
export const encodeChangeCursor = changeCursor.encode;
export const decodeChangeCursor = changeCursor.decode;

/** An ISO date or date-time for `since`, as Neo4j's datetime() reads it; a plain date means its first instant (UTC). */
export function checkSince(since: string | null | undefined): string | null {
  if (since === null || since === undefined || since === '') return null;
  const ok =
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(since) &&
    !Number.isNaN(Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since));
  if (!ok)
    throw badInput(
      `since must be an ISO date or date-time such as "2026-11-01" or "2026-11-01T09:30:00Z", got ${JSON.stringify(since)}`,
    );
  return since.length === 10 ? `${since}T00:00:00Z` : since;
}

/** Editors and admins see the changes not published: waiting for review, or rejected (with the rejections). */
const seesPending = (role: string | undefined) => role !== undefined && allows(role as 'reader', 'editor');

export const historyQueryResolvers: Pick<
  QueryResolvers,
  'me' | 'history' | 'changes' | 'storeVersion' | 'ledger' | 'recordVersion'
> = {
  me: (_root, _args, { caller }) => caller ?? null,

  async storeVersion(_root, _args, { db }) {
    const [row] = await db.read('store-version');
    return (row?.version as string | null | undefined) ?? null;
  },

  ledger: (_root, _args, { db }) => publishedLedgerHead(db),

  async recordVersion(_root, { id }, { db }) {
    return recordVersion((await db.read('find-record', { id: checkId(id, 'id') })) as unknown as StoredRecord[]);
  },

  async history(_root, { id, first, recordedAt }, { db, caller }) {
    const record = checkId(id, 'id');
    const size = checkRange(first, 'first', 1, HISTORY_FIRST);
    const { query, extra } = await asRecorded(db, 'history', recordedAt);
    const rows = await db.read(query, {
      record,
      first: size,
      before: null,
      showUnpublished: seesPending(caller?.role),
      ...extra,
    });
    return rows.map((r) => toChangeRow(r.change));
  },

  async changes(_root, { since, dataset, pendingOnly, first, after }, { db, caller }) {
    const showPending = seesPending(caller?.role);
    if (pendingOnly && !showPending)
      throw badInput(
        'pendingOnly lists changes waiting for review, which only editors and admins see: send an editor or admin token',
      );
    const rows = await db.read('changes', {
      since: checkSince(since),
      dataset: dataset ?? null,
      pending: pendingOnly ?? false,
      showUnpublished: showPending,
      first: checkRange(first, 'first', 1, HISTORY_FIRST),
      before: decodeChangeCursor(after),
    });
    const page = rows.map((r) => toChangeRow(r.change));
    const shown = page.slice(0, first);
    return {
      edges: shown.map((node) => ({ cursor: encodeChangeCursor(node.seq), node })),
      pageInfo: {
        hasNextPage: page.length > first,
        endCursor: shown.length ? encodeChangeCursor(shown.at(-1)!.seq) : null,
      },
    };
  },
};

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * Every Change the API answers (history, changes, each mutation's own) passes here: a small pool's size, its
 * contract's price and its task's pay are withheld from the states, for every caller, as `entity` withholds them.
 */
export const changeResolvers: ChangeResolvers = {
  before: (change, _args, { minPoolSize }) =>
    protectState(json(change.before), change.record, change.facts, minPoolSize),
  after: (change, _args, { minPoolSize }) => protectState(json(change.after), change.record, change.facts, minPoolSize),
  counts: (change) => json(change.counts),
};
