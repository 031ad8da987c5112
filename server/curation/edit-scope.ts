// Edits in constant time: an edit read, checked and written with the record it changes and what it names, found by id, never by reading the whole curated dataset.
//
// The whole-dataset path in curate.ts (read every record, validate the document, write it again with the import code)
// stays as the reference: an edit falls back to it whenever checking the record alone could say something different —
// the record changes kind (what names it must be checked again), a removal would take a record others name, another
// dataset's version of one of its records is on screen (it must become the newest again), or the dataset changed behind
// its counts (a retraction, a restore). Otherwise the record's own version is validated by the same code on a dataset
// of that one record, its references looked up in the store, and written by the import's own queries for that record.
import { touchLinkId, touchLinks, touchRecords, touchRecordsAndTheirLinks } from '../history/evidence-seal.js';
import type { Transaction } from '../db/index.js';
import {
  datasetFromGraph,
  datasetRows,
  ImportConflictError,
  type Dataset,
  type Problem,
  type Section,
} from '../dataset/index.js';
import { preflight, sameIdentifiers, withoutRetracted } from '../dataset/import-dataset.js';
import { nextChangeSeq } from '../history/change-log.js';
import { problemsOfEdit, type RecordState } from './record-edits.js';

/** Which path edits take: `scoped` (the default) or `reference`, the whole-dataset path (the property test and the bench compare them). */
export type EditPath = 'scoped' | 'reference';
let path: EditPath = 'scoped';

/** Sets the path edits take in this process; returns the one it replaces. For the property test and the bench. */
export function setEditPath(next: EditPath): EditPath {
  const old = path;
  path = next;
  return old;
}

/** How many edits this process wrote by the scoped path (read by the property test and the bench). */
export const editsWritten = { scoped: 0 };

/** The curated dataset's row in the `datasets` list. */
export interface DatasetMeta {
  id: string;
  name: string;
  description?: string;
}

/** One edit's view of a curated dataset: its metadata and its own version of the edited record, if it holds one. */
export interface EditScope {
  doc: Dataset;
  /** The store's node with the record's id, if any: its label (Organization, Source…) and how many relationships name it. */
  stored: { label: string | null; uses: number };
}

const LABEL_SECTION: Record<string, Section> = {
  Source: 'sources',
  Organization: 'organizations',
  WorkerPool: 'workerPools',
  Task: 'tasks',
  AIProduct: 'aiProducts',
  Claim: 'claims',
  PayReport: 'payReports',
  WageReference: 'wageReferences',
  ExchangeRate: 'exchangeRates',
};

/**
 * The scope of an edit of `id` in dataset `meta` (which the store holds, `newest` when no dataset was written after it),
 * or null when the edit must read the whole dataset: the reference path is chosen, the dataset is not the newest (its
 * shared records must show its versions again), another dataset's version of one of its records is on screen, it is
 * marked for a recheck, or it holds more than one record under this id.
 */
export async function editScope(
  tx: Transaction,
  meta: DatasetMeta,
  newest: boolean,
  id: string,
): Promise<EditScope | null> {
  if (path === 'reference' || !newest || !id) return null;
  const [state] = await tx.run('edit-scope', { dataset: meta.id, id });
  if (!state || state.recheck === true || state.kept === true) return null;
  const rows = await tx.run('dataset-record', { dataset: meta.id, id });
  if (rows.length > 1) return null;
  const nodes = rows.filter((r) => r.shape === 'node');
  const links = rows.filter((r) => r.shape === 'link');
  return {
    doc: datasetFromGraph(
      nodes.map((r) => ({ label: String(r.label), props: r.props as Record<string, unknown> })),
      links.map((r) => ({
        type: String(r.label),
        from: String(r.from),
        to: String(r.to),
        props: r.props as Record<string, unknown>,
      })),
      meta,
    ),
    stored: { label: (state.label as string | null) ?? null, uses: Number(state.uses ?? 0) },
  };
}

/**
 * Whether setting the record to `next` (null: taking it out of the dataset) can be checked and written by itself: the
 * record keeps its kind (a link its type), so whatever names it stays as valid as it was; and a removal takes out no
 * node that a link, claim or pay report names, nor a source (which records cite by id).
 */
export function scopeHolds(scope: EditScope, before: RecordState | null, next: RecordState | null): boolean {
  // Sections the scoped writer was built and compared for; a request for reply (a later section) takes the whole path.
  if ((before && !SCOPED_SECTIONS.has(before.section)) || (next && !SCOPED_SECTIONS.has(next.section))) return false;
  if (!next) {
    if (!before || before.section === 'links') return true;
    return before.section !== 'sources' && scope.stored.uses === 0;
  }
  if (before && before.section !== next.section) return false;
  if (before && next.section === 'links' && before.item.type !== next.item.type) return false;
  if (next.section !== 'links' && scope.stored.label !== null && LABEL_SECTION[scope.stored.label] !== next.section)
    return false;
  return true;
}

const SCOPED_SECTIONS = new Set<Section>([...Object.values(LABEL_SECTION), 'links']);

const COUNTED: Partial<Record<Section, 'entities' | 'links' | 'claims' | 'sources'>> = {
  organizations: 'entities',
  workerPools: 'entities',
  tasks: 'entities',
  aiProducts: 'entities',
  links: 'links',
  claims: 'claims',
  sources: 'sources',
};

/**
 * Writes the edited record's new version (`doc`: the validated dataset of that record alone, or of none when it is taken
 * out) as importInto would write the whole dataset, with the same queries for that record only: retractions left out,
 * conflicts with other datasets refused (ImportConflictError), its old version dropped where it changed kind or ends,
 * its new one written and made the version on screen, the dataset made the newest with its counts moved by one.
 * Returns the import's warnings about the record, said about the edit (`link.id`, as validation's are).
 */
export async function writeScoped(
  tx: Transaction,
  doc: Dataset,
  id: string,
  before: RecordState | null,
  at: string | undefined,
  argument: string,
): Promise<Problem[]> {
  const { rows, left } = await withoutRetracted(tx, datasetRows(doc), 1000);
  const { errors, warnings } = await preflight(tx, doc.id, rows, 10_000);
  const said = [...left, ...warnings, ...(await sameIdentifiers(tx, doc, 1000))];
  if (errors.length) throw new ImportConflictError(errors, warnings);
  // The evidence digest (docs/versioning.md): what the edit may change or delete is named before it is written.
  if (before && before.section !== 'links') await touchRecordsAndTheirLinks(tx, [id]);
  if (before?.section === 'links') await touchLinkId(tx, id);
  await touchRecords(
    tx,
    rows.records.map((r) => r.id),
  );
  await touchLinks(
    tx,
    rows.links.map((l) => ({ type: l.type, id: l.id })),
  );
  if (before && before.section !== 'links')
    await tx.run('drop-records-among', {
      dataset: doc.id,
      seq: await nextChangeSeq(tx),
      ids: [id],
      keep: Object.fromEntries(rows.records.map((r) => [r.id, r.signature])),
    });
  if (before?.section === 'links')
    await tx.run('drop-links-among', {
      dataset: doc.id,
      seq: await nextChangeSeq(tx),
      id,
      keep: Object.fromEntries(rows.links.map((l) => [`${l.type}:${l.id}`, `${l.from}->${l.to}`])),
    });
  if (rows.records.length)
    await tx.run('upsert-records', {
      dataset: doc.id,
      seq: await nextChangeSeq(tx),
      rows: rows.records.map(({ id, label, props }) => ({ id, label, props })),
    });
  if (rows.links.length) {
    const byType: Record<string, unknown[]> = {};
    for (const { type, id, from, to, key, props } of rows.links)
      (byType[type] ??= []).push({ type, id, from, to, key, props });
    await tx.run('upsert-links', { dataset: doc.id, rows: byType, seq: await nextChangeSeq(tx) });
  }
  if (rows.claimEnds.length) await tx.run('claim-ends', { rows: rows.claimEnds });
  if (rows.payEnds.length) await tx.run('pay-ends', { rows: rows.payEnds });
  const delta = { entities: 0, links: 0, claims: 0, sources: 0 };
  const counted = COUNTED[before?.section as Section];
  if (before && counted) delta[counted] -= 1;
  const kept = [...rows.records.map((r) => r.path.replace(/\[\d+\]$/, '')), ...rows.links.map(() => 'links')];
  for (const section of kept) {
    const c = COUNTED[section as Section];
    if (c) delta[c] += 1;
  }
  editsWritten.scoped += 1;
  await tx.run('finish-edit', {
    dataset: doc.id,
    name: doc.name,
    format: doc.format,
    description: doc.description ?? null,
    origin: 'curation',
    owner: null,
    delta,
  });
  return problemsOfEdit(said, at, argument, doc.id);
}
