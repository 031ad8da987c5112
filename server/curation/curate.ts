// Curation: editors change the evidence one record at a time, each change one transaction with its entry in the history.
//
// An edit is written the way an import is: the curated dataset's new version goes through the same validation and the
// same import code (so the same rules and messages apply, and it becomes the newest version on screen), except that its
// links and claims may name records other datasets hold. An edit reads, checks and writes only its record where that
// says the same as the whole dataset would (edit-scope.ts); the whole-dataset path is the reference it falls back to.
// A retraction takes a record out of the whole store and leaves a mark that later imports respect. A revert sets the
// record back to the state before the change, as a new change.
import type { Database, Transaction } from '../db/index.js';
import {
  datasetFromGraph,
  ImportConflictError,
  importInto,
  journaled,
  referencedIds,
  validateDataset,
  DATASET_ID,
  ENTITY_SECTIONS,
  type Dataset,
  type ImportSummary,
  type Problem,
  type Section,
} from '../dataset/index.js';
import { nextChangeSeq, recordChange, toChangeRow, type ChangeRow } from '../history/change-log.js';
import { touchLinks, touchRecordsAndTheirLinks } from '../history/evidence-seal.js';
import { keepingVerdicts } from '../audit/verdict-keeper.js';
import { findRecord, problemsOfEdit, recordId, withRecord, type Item, type RecordState } from './record-edits.js';
import { recordVersion, type StoredRecord } from './record-version.js';
import { editScope, scopeHolds, writeScoped, type DatasetMeta } from './edit-scope.js';
import { allows, type Caller } from '../auth/roles.js';

/** Something the caller asked that cannot be done; nothing was written. `problems` name the fields, as an import's do. */
export class CurationError extends Error {
  override name = 'CurationError';
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT',
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export interface EditResult {
  change: ChangeRow;
  /** What the import code said (ids named differently elsewhere, small groups): the edit went ahead. */
  warnings: Problem[];
}

/** A record as the whole store held it before a retraction: enough to put it back exactly. */
interface Snapshot {
  shape: 'node' | 'link';
  label: string;
  from: string | null;
  to: string | null;
  props: Record<string, unknown>;
  assertions: Record<string, unknown>[];
}

const LABEL_SECTION: Record<string, Section> = {
  Source: 'sources',
  Organization: 'organizations',
  WorkerPool: 'workerPools',
  Task: 'tasks',
  AIProduct: 'aiProducts',
  Claim: 'claims',
  Reply: 'replies',
  Link: 'links',
};
const ENTITY_LABELS = new Set<string>(Object.values(ENTITY_SECTIONS));

/**
 * Sets one record of curated dataset `dataset`, or holds the change for review. `fields` given a value set it, given
 * null remove it, and left out keep the value the record has now (the curated dataset's version, else the one on
 * screen): an editor corrects one field without retyping, or even seeing, the rest (a withheld pool size stays).
 */
export async function upsertRecord(
  db: Database,
  caller: Caller,
  edit: {
    dataset: string;
    section: Section;
    fields: Item;
    reason: string;
    needsReview?: boolean;
    argument: string;
    /** The record's version the edit was made on (recordVersion); refused with CONFLICT when it has changed since. */
    expectedVersion?: string | null;
  },
): Promise<EditResult> {
  const id = recordId(edit.section, edit.fields);
  return inLock(db, edit.dataset, 'edit', async (tx) => {
    await refuseRetracted(tx, edit.section === 'links' ? [`link:${String(edit.fields.type)}:${id}`] : [id]);
    const version = await versionNow(tx, id);
    refuseMoved(id, edit.expectedVersion, version, 'your edit');
    const held = await curatedMeta(tx, edit.dataset);
    const scope = held.stored ? await editScope(tx, held.meta, held.newest, id) : null;
    let current = scope?.doc ?? (await curatedDataset(tx, edit.dataset, held));
    const before = stateIn(current, id);
    const base = before?.section === edit.section ? before.item : await shownVersion(tx, id, edit.section);
    const item: Item = { ...base };
    for (const [k, v] of Object.entries(edit.fields))
      if (v === null) delete item[k];
      else item[k] = v;
    const scoped = scope !== null && scopeHolds(scope, before, { section: edit.section, item });
    if (scope && !scoped) current = await curatedDataset(tx, edit.dataset, held);
    const { dataset, warnings, after, at } = await validated(
      tx,
      current,
      id,
      { section: edit.section, item },
      edit.argument,
    );
    const verb = before ? 'corrected' : 'added';
    const what = describeRecord(after!);
    if (edit.needsReview) {
      const change = await recordChange(tx, {
        author: caller.name,
        role: caller.role,
        dataset: edit.dataset,
        reason: edit.reason,
        action: 'upsert',
        record: id,
        scope: 'dataset-record',
        summary: `proposes: ${verb} ${what} (waiting for review)`,
        before,
        after,
        status: 'pending',
        baseVersion: version,
      });
      return { change, warnings };
    }
    const written = scoped
      ? await asEdit(edit.argument, () => writeScoped(tx, dataset, id, before, at, edit.argument))
      : (await writeDataset(tx, dataset, edit.argument)).warnings;
    const change = await recordChange(tx, {
      author: caller.name,
      role: caller.role,
      dataset: edit.dataset,
      reason: edit.reason,
      action: 'upsert',
      record: id,
      scope: 'dataset-record',
      summary: `${verb} ${what}`,
      before,
      after,
      status: 'applied',
    });
    return { change, warnings: [...warnings, ...written] };
  });
}

/** Takes a record or link out of the whole store (every dataset), or holds that for review; refuses while others use it. */
export async function retractRecord(
  db: Database,
  caller: Caller,
  request: { id: string; reason: string; needsReview?: boolean; expectedVersion?: string | null },
): Promise<EditResult> {
  return inLock(db, 'store', 'retract', async (tx) => {
    const found = await storeRecord(tx, request.id);
    refuseMoved(request.id, request.expectedVersion, found.version, 'your retraction');
    const key = keyOf(found.snapshot, request.id);
    const what = describeSnapshot(found.snapshot, request.id);
    if (request.needsReview) {
      const change = await recordChange(tx, {
        author: caller.name,
        role: caller.role,
        dataset: null,
        reason: request.reason,
        action: 'retract',
        record: request.id,
        scope: 'store-record',
        summary: `proposes: retract ${what} (waiting for review)`,
        before: found.snapshot,
        after: null,
        status: 'pending',
        baseVersion: found.version,
      });
      return { change, warnings: [] };
    }
    const change = await recordChange(tx, {
      author: caller.name,
      role: caller.role,
      dataset: null,
      reason: request.reason,
      action: 'retract',
      record: request.id,
      scope: 'store-record',
      summary: `retracted ${what}`,
      before: found.snapshot,
      after: null,
      status: 'applied',
    });
    await touchSnapshot(tx, found.snapshot, request.id);
    await tx.run('retract-record', {
      element: found.element,
      key,
      change: change.id,
      seq: change.seq,
      reason: request.reason,
    });
    await recheckOwners(tx, found.snapshot);
    return { change, warnings: [] };
  });
}

/**
 * Undoes change `changeId` by recording a new change that sets its record back; refuses when a later change touched
 * the same record (revert that first). A change waiting for review is rejected instead (admins only).
 */
export async function revertChange(
  db: Database,
  caller: Caller,
  request: { changeId: string; reason: string },
): Promise<EditResult> {
  return inLock(db, 'store', 'revert', async (tx) => {
    const { change: original, laterId } = await changeById(tx, request.changeId);
    if (original.status === 'pending') {
      if (!allows(caller.role, 'admin'))
        throw new CurationError('FORBIDDEN', `${original.id} is waiting for review: only an admin may reject it`);
      const change = await recordChange(tx, {
        author: caller.name,
        role: caller.role,
        dataset: original.dataset,
        reason: request.reason,
        action: 'reject',
        record: original.record,
        scope: original.scope,
        summary: `rejected ${original.id} (${original.summary.replace(/^proposes: /, '').replace(/ \(waiting for review\)$/, '')})`,
        before: null,
        after: null,
        status: 'applied',
        revertOf: original.id,
      });
      await tx.run('change-status', { id: original.id, status: 'rejected', by: caller.name, through: change.id });
      return { change, warnings: [] };
    }
    if (original.status === 'rejected' || original.status === 'reverted') {
      throw new CurationError(
        'BAD_USER_INPUT',
        `${original.id} is already ${original.status}${original.settledBy ? ` (by ${original.settledBy})` : ''}; nothing to undo`,
      );
    }
    if (original.action === 'seal-evidence') {
      throw new CurationError(
        'BAD_USER_INPUT',
        `${original.id} records that deep-labour verify --seal-evidence counted the store's older records and links in the evidence digest; it changed no evidence, so there is nothing to undo`,
      );
    }
    if (original.action === 'dates-passed') {
      throw new CurationError(
        'BAD_USER_INPUT',
        `${original.id} records that links started or ended as the days passed, and the verdicts judged again for the day; it changed no evidence, so there is nothing to undo (correct a link's dates with upsertLink instead)`,
      );
    }
    if (original.scope === 'dataset' || original.action === 'accept' || original.action === 'reject') {
      throw new CurationError(
        'BAD_USER_INPUT',
        original.scope === 'dataset'
          ? `${original.id} is a whole-dataset ${original.action}: undo it by importing the earlier version of the file, or by removing the dataset (deep-labour remove)`
          : `${original.id} records a review; revert the change it ${original.action === 'accept' ? 'accepted' : 'rejected'} instead`,
      );
    }
    if (laterId)
      throw new CurationError(
        'BAD_USER_INPUT',
        `${original.record} has changed since ${original.id} (by ${laterId}); revert ${laterId} first, newest first`,
      );
    const target = parse(original.before);
    const warnings = await setState(tx, original, target);
    const change = await recordChange(tx, {
      author: caller.name,
      role: caller.role,
      dataset: original.dataset,
      reason: request.reason,
      action: 'revert',
      record: original.record,
      scope: original.scope,
      summary: `reverted ${original.id} (${original.summary})`,
      before: parse(original.after),
      after: target,
      status: 'applied',
      revertOf: original.id,
    });
    await tx.run('change-status', { id: original.id, status: 'reverted', by: caller.name, through: change.id });
    return { change, warnings };
  });
}

/** Applies a change that was waiting for review, as it was proposed, validated again now (admins only). */
export async function acceptChange(
  db: Database,
  caller: Caller,
  request: { changeId: string; reason: string },
): Promise<EditResult> {
  if (!allows(caller.role, 'admin'))
    throw new CurationError(
      'FORBIDDEN',
      'only an admin may accept a change waiting for review; ask one, or revert your own change',
    );
  return inLock(db, 'store', 'accept', async (tx) => {
    const { change: original } = await changeById(tx, request.changeId);
    if (original.status !== 'pending')
      throw new CurationError(
        'BAD_USER_INPUT',
        `${original.id} is not waiting for review (it is ${original.status}); the review queue lists those that are`,
      );
    if (original.author === caller.name) {
      throw new CurationError(
        'FORBIDDEN',
        `${original.id} is your own proposal: review needs a second person. Ask another admin to accept it, or withdraw it (revert) and make the change yourself without review`,
      );
    }
    // A proposal states the whole record as it was when proposed: applied over a later change, it would undo that change.
    if (original.baseVersion !== null && original.record !== null) {
      refuseMoved(
        original.record,
        original.baseVersion,
        await versionNow(tx, original.record),
        `${original.id}`,
        `reject ${original.id} (revert) and ask its author to propose it again on the record as it is now`,
      );
    }
    const target = parse(original.after);
    const current = original.scope === 'store-record' ? (await storeRecord(tx, original.record!)).snapshot : null;
    const warnings = await setState(tx, original, target);
    const change = await recordChange(tx, {
      author: caller.name,
      role: caller.role,
      dataset: original.dataset,
      reason: request.reason,
      action: 'accept',
      record: original.record,
      scope: original.scope,
      summary: `accepted ${original.id}: ${original.summary.replace(/^proposes: /, '').replace(/ \(waiting for review\)$/, '')}, proposed by ${original.author}`,
      before: current ?? parse(original.before),
      after: target,
      status: 'applied',
      revertOf: null,
    });
    await tx.run('change-status', { id: original.id, status: 'accepted', by: caller.name, through: change.id });
    return { change, warnings };
  });
}

/** Sets the record of `change` to `target` (its before or after), within the change's scope; returns the import's warnings. */
async function setState(tx: Transaction, change: ChangeRow, target: unknown): Promise<Problem[]> {
  const id = change.record!;
  if (change.scope === 'dataset-record') {
    const held = await curatedMeta(tx, change.dataset!);
    const scope = held.stored ? await editScope(tx, held.meta, held.newest, id) : null;
    let current = scope?.doc ?? (await curatedDataset(tx, change.dataset!, held));
    const before = stateIn(current, id);
    const state = target as RecordState | null;
    const scoped = scope !== null && scopeHolds(scope, before, state);
    if (scope && !scoped) current = await curatedDataset(tx, change.dataset!, held);
    if (!state) {
      const { doc } = withRecord(current, id, null);
      if (scoped) return asEdit('record', () => writeScoped(tx, doc, id, before, undefined, 'record'));
      // Taking out a record others name may leave them naming nothing (or its links gone): read it whole next time.
      const [named] = before && before.section !== 'links' ? await tx.run('edit-scope', { dataset: doc.id, id }) : [];
      const { warnings } = await writeDataset(tx, doc, 'record');
      if (before && (before.section === 'sources' || Number(named?.uses ?? 0) > 0))
        await tx.run('dataset-recheck', { datasets: [doc.id] });
      return warnings;
    }
    await refuseRetracted(tx, state.section === 'links' ? [`link:${String(state.item.type)}:${id}`] : [id]);
    const { dataset, at } = await validated(tx, current, id, state, 'record');
    if (scoped) return asEdit('record', () => writeScoped(tx, dataset, id, before, at, 'record'));
    return (await writeDataset(tx, dataset, 'record')).warnings;
  }
  const snapshot = target as Snapshot | null;
  if (!snapshot) {
    const found = await storeRecord(tx, id);
    await touchSnapshot(tx, found.snapshot, id);
    await tx.run('retract-record', {
      element: found.element,
      key: keyOf(found.snapshot, id),
      change: change.id,
      // `change` is the one being reverted or accepted; this write is the next change.
      seq: await nextChangeSeq(tx),
      reason: change.reason ?? '',
    });
    await recheckOwners(tx, found.snapshot);
    return [];
  }
  const key = keyOf(snapshot, id);
  const labels =
    snapshot.shape === 'node' ? [snapshot.label, ...(ENTITY_LABELS.has(snapshot.label) ? ['Entity'] : [])] : [];
  await touchSnapshot(tx, snapshot, id);
  const [row] = await tx.run('restore-record', {
    key,
    seq: await nextChangeSeq(tx),
    shape: snapshot.shape,
    label: snapshot.label,
    labels,
    from: snapshot.from,
    to: snapshot.to,
    props: snapshot.props,
    assertions: snapshot.assertions,
  });
  if (Number(row?.restored ?? 0) !== 1) {
    throw new CurationError(
      'BAD_USER_INPUT',
      `${id} cannot come back: ${snapshot.shape === 'link' ? `one of its ends (${snapshot.from}, ${snapshot.to}) is not in the store now` : 'it is not retracted now'}; bring that back first`,
    );
  }
  if (snapshot.label === 'Claim')
    await tx.run('claim-ends', { rows: [{ id, by: snapshot.props.by, subject: snapshot.props.subject }] });
  await recheckOwners(tx, snapshot);
  return [];
}

/**
 * Names for the evidence digest (docs/versioning.md) the record or link a retraction deletes or a restore makes, before
 * it is written: a record with the links at it, which a retraction deletes with it.
 */
async function touchSnapshot(tx: Transaction, snapshot: Snapshot, id: string): Promise<void> {
  const key = String(snapshot.props.id ?? id);
  if (snapshot.shape === 'node') await touchRecordsAndTheirLinks(tx, [key]);
  else await touchLinks(tx, [{ type: snapshot.label, id: key }]);
}

/** A retraction or a restore changes the datasets that assert the record behind their counts: their next edit reads them whole. */
async function recheckOwners(tx: Transaction, snapshot: Snapshot): Promise<void> {
  const owners = snapshot.props.datasets;
  if (Array.isArray(owners) && owners.length) await tx.run('dataset-recheck', { datasets: owners });
}

/** Runs `work` in one transaction behind the store's import lock (edits and imports never interleave); the verdicts it changes are kept in it. */
async function inLock<T>(
  db: Database,
  dataset: string,
  action: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return journaled(db, dataset, action, undefined, (tx) => keepingVerdicts(tx, { dataset, action }, work));
}

/**
 * Curated dataset `id` as the `datasets` list holds it: its name and description (those of a new one when the store does
 * not hold it yet: `stored` false), and whether it is the newest dataset; refuses an id that is not a curated dataset's.
 */
async function curatedMeta(
  tx: Transaction,
  id: string,
): Promise<{ meta: DatasetMeta; stored: boolean; newest: boolean }> {
  if (!DATASET_ID.test(id)) {
    throw new CurationError(
      'BAD_USER_INPUT',
      `dataset ${JSON.stringify(id)} must be lower-case letters, digits, ".", "_" or "-" (at most 100), such as "curated"`,
      [{ path: 'dataset', message: 'not a dataset id' }],
    );
  }
  const datasets = await tx.run('datasets');
  const meta = datasets.find((d) => d.id === id);
  if (meta && meta.origin !== 'curation') {
    throw new CurationError(
      'BAD_USER_INPUT',
      `dataset "${id}" holds an imported file: its records change when the file is imported again. Write your edit to a curated dataset, such as "curated"`,
      [{ path: 'dataset', message: 'an imported dataset' }],
    );
  }
  return {
    meta: {
      id,
      name: meta ? String(meta.name) : `Curated: ${id}`,
      description: meta?.description
        ? String(meta.description)
        : 'Records added and corrected by editors in the explorer or over the API; each change is in the history with its author and reason.',
    },
    stored: meta !== undefined,
    newest: datasets[0]?.id === id,
  };
}

/** The curated dataset's own version as a document, read whole; a new, empty one when the store does not hold it yet. */
async function curatedDataset(
  tx: Transaction,
  id: string,
  held?: Awaited<ReturnType<typeof curatedMeta>>,
): Promise<Dataset> {
  const { meta } = held ?? (await curatedMeta(tx, id));
  const [nodes, links] = [
    await tx.run('dataset-records', { dataset: id }),
    await tx.run('dataset-links', { dataset: id }),
  ];
  return datasetFromGraph(
    nodes as { label: string; props: Record<string, unknown> }[],
    links as { type: string; from: string; to: string; props: Record<string, unknown> }[],
    meta,
  );
}

/** The dataset with `id` set to `state`, validated as an import is, its links and claims allowed to name the store's records. */
async function validated(
  tx: Transaction,
  current: Dataset,
  id: string,
  state: RecordState,
  argument: string,
): Promise<{ dataset: Dataset; warnings: Problem[]; after: RecordState | null; at: string | undefined }> {
  if (!id)
    throw new CurationError('BAD_USER_INPUT', `${argument}.id is missing: give the record an id`, [
      { path: `${argument}.id`, message: 'missing' },
    ]);
  const { doc, at } = withRecord(current, id, state);
  const own = new Set(
    (['sources', 'organizations', 'workerPools', 'tasks', 'aiProducts', 'claims'] as const).flatMap((s) =>
      doc[s].map((x) => x.id),
    ),
  );
  const outside = referencedIds(doc).filter((x) => !own.has(x));
  const external = new Map<string, string>();
  if (outside.length)
    for (const r of await tx.run('record-sections', { ids: outside }))
      external.set(String(r.id), LABEL_SECTION[String(r.label)] ?? 'other');
  const result = validateDataset(doc, { external });
  const mine = (ps: Problem[]) => problemsOfEdit(ps, at, argument, current.id);
  if (!result.ok) {
    const problems = mine(result.problems);
    throw new CurationError(
      'BAD_USER_INPUT',
      `the edit is not valid; nothing was written: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const found = findRecord(result.dataset, id);
  return {
    dataset: result.dataset,
    warnings: mine(result.warnings),
    after: found ? { section: found.section, item: found.item } : null,
    at,
  };
}

/** Writes the curated dataset's new version, read whole, with the import code (which counts it again: its recheck mark goes). */
async function writeDataset(tx: Transaction, dataset: Dataset, argument: string): Promise<ImportSummary> {
  const summary = await asEdit(argument, () => importInto(tx, dataset, { origin: 'curation' }));
  await tx.run('dataset-checked', { dataset: dataset.id });
  return summary;
}

/** Runs a write of the curated dataset; a conflict with another dataset is the caller's error. */
async function asEdit<T>(argument: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof ImportConflictError)) throw e;
    const problems = e.problems.map((p) => ({ path: argument, message: p.message }));
    throw new CurationError(
      'BAD_USER_INPUT',
      `the edit contradicts another dataset; nothing was written: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
}

/** The record as the store shows it now, as its section's fields; empty when there is none of that kind. */
async function shownVersion(tx: Transaction, id: string, section: Section): Promise<Item> {
  const rows = await tx.run('find-record', { id });
  const r =
    section === 'links'
      ? rows.find((x) => x.shape === 'link')
      : rows.find((x) => x.shape === 'node' && LABEL_SECTION[String(x.label)] === section);
  if (!r) return {};
  const props = r.props as Record<string, unknown>;
  const doc =
    r.shape === 'link'
      ? datasetFromGraph([], [{ type: String(r.label), from: String(r.from), to: String(r.to), props }], {
          id: 'shown',
          name: 'shown',
        })
      : datasetFromGraph([{ label: String(r.label), props }], [], { id: 'shown', name: 'shown' });
  return (findRecord(doc, id)?.item as Item | undefined) ?? {};
}

/** The dataset's version of record `id`, or null when it does not hold it. */
function stateIn(doc: Dataset, id: string): RecordState | null {
  const found = findRecord(doc, id);
  return found ? { section: found.section, item: found.item } : null;
}

/** The version of record `id` as the store shows it now (recordVersion). */
async function versionNow(tx: Transaction, id: string): Promise<string> {
  return recordVersion((await tx.run('find-record', { id })) as unknown as StoredRecord[]);
}

/** Refuses (CONFLICT) when record `id` is no longer at the version `what` was made on; nothing is checked without one. */
function refuseMoved(
  id: string,
  expected: string | null | undefined,
  now: string,
  what: string,
  todo = 'read it again (recordVersion, or reopen the form), then make your change on what it is now',
): void {
  if (expected === null || expected === undefined || expected === now) return;
  throw new CurationError(
    'CONFLICT',
    `"${id}" has changed since ${what} was made on it (someone else changed it; its history says who and why); nothing was written. To go on: ${todo}`,
    [{ path: 'expectedVersion', message: `the record is at version ${now} now, not ${expected}` }],
  );
}

async function refuseRetracted(tx: Transaction, keys: string[]): Promise<void> {
  const [hit] = await tx.run('retractions-among', { keys });
  if (hit)
    throw new CurationError(
      'BAD_USER_INPUT',
      `"${String(hit.key).replace(/^link:[A-Z_]+:/, '')}" was retracted (${hit.change}${hit.reason ? `: ${hit.reason}` : ''}); revert that change to bring it back, or use another id`,
    );
}

async function storeRecord(
  tx: Transaction,
  id: string,
): Promise<{ element: string; snapshot: Snapshot; version: string }> {
  const rows = await tx.run('find-record', { id });
  if (rows.length === 0)
    throw new CurationError(
      'NOT_FOUND',
      `nothing in the store has id "${id}"; it may be retracted already (its history says)`,
    );
  if (rows.length > 1)
    throw new CurationError(
      'BAD_USER_INPUT',
      `"${id}" names ${rows.length} links of different types (${rows.map((r) => r.label).join(', ')}); retract needs an id that names one record`,
    );
  const r = rows[0]!;
  const uses = Number(r.links) + Number(r.claims);
  if (r.shape === 'node' && uses > 0) {
    throw new CurationError(
      'BAD_USER_INPUT',
      `"${id}" is used by ${Number(r.links)} link${Number(r.links) === 1 ? '' : 's'} and ${Number(r.claims)} claim${Number(r.claims) === 1 ? '' : 's'}; retract those first, so that nothing is left pointing at nothing`,
    );
  }
  if (r.shape === 'node' && r.label === 'Source') {
    // A source that records cite would leave them saying "no source" (or citing nothing) without anyone deciding it.
    const [cited] = await tx.run('source-citations', { id });
    const records = Number(cited?.records ?? 0);
    const links = Number(cited?.links ?? 0);
    if (records + links > 0) {
      throw new CurationError(
        'BAD_USER_INPUT',
        `source "${id}" is cited by ${records + links} record${records + links === 1 ? '' : 's'} (${records} entit${records === 1 ? 'y' : 'ies'}, sources or claims, ${links} link${links === 1 ? '' : 's'}, e.g. ${(cited!.examples as string[]).join(', ')}); nothing was retracted. Correct those records to cite another source (or none) first, or retract them, then retract the source`,
        [{ path: 'id', message: `cited by ${records + links} record${records + links === 1 ? '' : 's'}` }],
      );
    }
  }
  return {
    version: recordVersion(rows as unknown as StoredRecord[]),
    element: String(r.element),
    snapshot: {
      shape: r.shape as 'node' | 'link',
      label: String(r.label),
      from: (r.from as string | null) ?? null,
      to: (r.to as string | null) ?? null,
      // Its content hash is the store's bookkeeping, not its state: a restore stamps it anew.
      props: withoutHash(r.props as Record<string, unknown>),
      assertions: ((r.assertions as Record<string, unknown>[]) ?? []).map(withoutHash),
    },
  };
}

async function changeById(tx: Transaction, id: string): Promise<{ change: ChangeRow; laterId: string | null }> {
  const [row] = await tx.run('change-find', { id });
  if (!row) throw new CurationError('NOT_FOUND', `no change has id "${id}"; changes(…) lists them`);
  return { change: toChangeRow(row.change), laterId: (row.laterId as string | null) ?? null };
}

const withoutHash = ({ h: _, ...rest }: Record<string, unknown>) => rest;
const keyOf = (s: Snapshot, id: string) => (s.shape === 'link' ? `link:${s.label}:${id}` : id);
const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function describeRecord(state: RecordState): string {
  const i = state.item;
  if (state.section === 'links') return `link ${String(i.from)} ${String(i.type)} ${String(i.to)}`;
  const noun = {
    sources: 'source',
    organizations: 'organisation',
    workerPools: 'worker pool',
    tasks: 'task',
    aiProducts: 'AI product',
    claims: 'claim',
    payReports: 'pay report',
    wageReferences: 'wage reference',
    exchangeRates: 'exchange rate',
    replies: 'request for reply',
  }[state.section];
  return `${noun} "${String(i.name ?? i.title ?? i.text ?? i.id)}"`;
}

function describeSnapshot(s: Snapshot, id: string): string {
  if (s.shape === 'link') return `link ${s.from} ${s.label} ${s.to} (${id})`;
  return `${s.label} "${String(s.props.name ?? s.props.title ?? s.props.text ?? id)}"`;
}
