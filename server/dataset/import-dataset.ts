// Makes the store hold exactly one version of a dataset, in one transaction: its new records appear, its changed ones
// change, the ones it dropped go (unless another dataset still asserts them), and no other dataset's records change.
import { journaled, type Database, type Transaction } from '../db/index.js';
import { claimRow, linkRow, nodeProps, payReportProps } from './graph-rows.js';
import { createdLinkProps, createdRecordProps } from './created-props.js';
import { ENTITY_SECTIONS, identifierKey, type Dataset, type EntitySection } from '../../format/model.js';
import type { Problem } from '../../format/validate-dataset.js';
import { nextChangeSeq, recordChange, type ChangeRow } from '../history/change-log.js';
import { evidenceEmptied, touchNew, touchWritten, type WrittenElement } from '../history/evidence-seal.js';
import { keepingVerdicts } from '../audit/verdict-keeper.js';

export interface ImportOptions {
  /** Delete every dataset in the store first, in the same transaction (a whole-store replace). */
  replaceAll?: boolean;
  /** Rows per statement inside the transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Aborting rolls the import back: the store keeps the version it had. */
  signal?: AbortSignal;
  /** Who the history names for this import (default: "command line"). */
  author?: string;
  role?: string | null;
  reason?: string | null;
  /**
   * An import asked over the API by `caller`: a file dataset that another author imported is replaced only by an admin,
   * and a version that drops records or links the dataset held needs an admin too (the CLI, run by whoever holds the
   * store's password, may do both).
   */
  requester?: { name: string; admin: boolean };
  /** The SHA-256 of the file the dataset was read from (fileDigest), kept with the dataset; absent: not from a file. */
  fileSha256?: string | null;
}

/**
 * What the history names as the author of a change made from the command line when nobody said who: a neutral word,
 * never the machine's user name (the history is public, and the account name of whoever ran an import is no evidence).
 */
export function commandLineAuthor(): string {
  return 'command line';
}

export interface ImportSummary {
  dataset: string;
  created: { records: number; links: number };
  /** Records and links the store held before, written by this import; `unchanged` counts those among them it left as they were. */
  updated: { records: number; links: number };
  /** Of `updated`, the records and links this version says nothing new about: no new version was made of them. */
  unchanged: { records: number; links: number };
  /** Records and links this dataset no longer holds: deleted, or left to the other datasets that assert them. */
  removed: { records: number; links: number };
  released: { records: number; links: number };
  /** Records and links left out because editors retracted them (each one is also a warning). */
  retracted: number;
  /** Ids another dataset names differently, retracted records left out (the import went ahead). */
  warnings: Problem[];
  /** The history's entry for this import (absent for a curated edit, which records its own). */
  change?: ChangeRow;
}

/** The import would contradict what other datasets in the store say; nothing was written. */
export class ImportConflictError extends Error {
  override name = 'ImportConflictError';
  constructor(
    readonly problems: Problem[],
    readonly warnings: Problem[],
  ) {
    super(
      `import: ${problems.length} conflict${problems.length === 1 ? '' : 's'} with datasets already in the store; nothing was written`,
    );
  }
}

/**
 * The import may not write this dataset: it is curated (edits write it), or it belongs to another author, or it would
 * drop records, and the caller is not an admin. Nothing was written.
 */
export class DatasetPermissionError extends Error {
  override name = 'DatasetPermissionError';
}

/** A dataset id that the store does not hold. */
export class UnknownDatasetError extends Error {
  override name = 'UnknownDatasetError';
}

type Row = Record<string, unknown>;
interface RecordRow {
  path: string;
  id: string;
  label: string;
  signature: string;
  name: string | null;
  props: Row;
}
interface LinkRowOut {
  path: string;
  type: string;
  id: string;
  from: string;
  to: string;
  key: string;
  props: Row;
}

const LABEL: Record<EntitySection, string> = ENTITY_SECTIONS;

/** The records of a dataset as the store writes them, each with where it is in the file. Pure. */
export function datasetRows(d: Dataset): {
  records: RecordRow[];
  links: LinkRowOut[];
  claimEnds: { id: string; by: string; subject: string }[];
  payEnds: { id: string; pool: string; task: string | null }[];
} {
  const records: RecordRow[] = [];
  d.sources.forEach((s, i) =>
    records.push({
      path: `sources[${i}]`,
      id: s.id,
      label: 'Source',
      signature: 'Source',
      name: s.title,
      props: nodeProps(s),
    }),
  );
  for (const section of Object.keys(LABEL) as EntitySection[]) {
    (d[section] as { id: string; name: string }[]).forEach((e, i) =>
      records.push({
        path: `${section}[${i}]`,
        id: e.id,
        label: LABEL[section],
        signature: LABEL[section],
        name: e.name,
        props: nodeProps(e),
      }),
    );
  }
  d.claims.forEach((c, i) =>
    records.push({
      path: `claims[${i}]`,
      id: c.id,
      label: 'Claim',
      signature: `Claim:${c.by}:${c.subject}`,
      name: c.text,
      props: claimRow(c).props,
    }),
  );
  // Pay reports, reference wages and exchange rates are records too: owned by datasets, kept, released and removed alike.
  (d.payReports ?? []).forEach((p, i) =>
    records.push({
      path: `payReports[${i}]`,
      id: p.id,
      label: 'PayReport',
      signature: 'PayReport',
      name: null,
      props: payReportProps(p),
    }),
  );
  (d.wageReferences ?? []).forEach((w, i) =>
    records.push({
      path: `wageReferences[${i}]`,
      id: w.id,
      label: 'WageReference',
      signature: 'WageReference',
      name: null,
      props: nodeProps(w),
    }),
  );
  (d.exchangeRates ?? []).forEach((x, i) =>
    records.push({
      path: `exchangeRates[${i}]`,
      id: x.id,
      label: 'ExchangeRate',
      signature: 'ExchangeRate',
      name: null,
      props: nodeProps(x),
    }),
  );
  // A request for reply is a record of the dataset that keeps it (the curated one, as a rule), like a claim.
  (d.replies ?? []).forEach((r, i) =>
    records.push({
      path: `replies[${i}]`,
      id: r.id,
      label: 'Reply',
      signature: 'Reply',
      name: null,
      props: nodeProps(r),
    }),
  );
  const links = d.links.map((l, i) => {
    const row = linkRow(l);
    return {
      path: `links[${i}]`,
      type: l.type,
      id: l.id,
      from: l.from,
      to: l.to,
      key: `link:${l.type}:${l.id}`,
      props: row.props,
    };
  });
  return {
    records,
    links,
    claimEnds: d.claims.map((c) => ({ id: c.id, by: c.by, subject: c.subject })),
    payEnds: (d.payReports ?? []).map((p) => ({ id: p.id, pool: p.pool, task: p.task ?? null })),
  };
}

const describe = (signature: string) =>
  signature.startsWith('Claim:')
    ? `a claim by ${signature.split(':')[1]} about ${signature.split(':')[2]}`
    : `${/^[AEIOU]/.test(signature) ? 'an' : 'a'} ${signature}`;
const list = (xs: unknown) => (xs as string[]).join(', ');

/** What the preflight found: conflicts (nothing may be written), warnings, and which records and links the store does not hold once this dataset's dropped versions are gone (written by the fast path). */
interface Preflight {
  errors: Problem[];
  warnings: Problem[];
  newRecords: Set<string>;
  newLinks: Set<string>;
}

/** Conflicts with what other datasets assert, read inside the import's transaction before it writes. */
export async function preflight(
  tx: Transaction,
  dataset: string,
  rows: ReturnType<typeof datasetRows>,
  batchSize: number,
): Promise<Preflight> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const newRecords = new Set(rows.records.map((r) => r.id));
  const newLinks = new Set(rows.links.map((l) => l.key));
  const [held] = await tx.run('store-holds');
  if (Number(held?.records ?? 1) === 0 && Number(held?.links ?? 1) === 0)
    return { errors, warnings, newRecords, newLinks };
  // Only ids travel; what was sent is compared here, and problems come out in the file's order.
  const records = new Map(rows.records.map((r) => [r.id, r]));
  for (const batch of chunks(
    rows.records.map((r) => r.id),
    batchSize,
  )) {
    for (const c of await tx.run('preflight-records', { dataset, ids: batch })) {
      const r = records.get(String(c.id))!;
      const others = c.others as string[];
      // A record this dataset alone asserts as another kind is dropped before the write, so it is written anew.
      if (!(r.signature !== c.stored && others.length === 0 && c.ours === true)) newRecords.delete(r.id);
      if (others.length === 0) continue;
      if (r.signature !== c.stored) {
        errors.push({
          path: `${r.path}.id`,
          message: `"${r.id}" is ${describe(String(c.stored))} in dataset ${list(others)}; here it is ${describe(r.signature)}. Give it another id, or correct one of the two datasets`,
        });
      } else if (r.name !== null && c.storedName !== r.name) {
        warnings.push({
          path: `${r.path}.name`,
          message: `"${r.id}" is named ${JSON.stringify(c.storedName)} in dataset ${list(others)} and ${JSON.stringify(r.name)} here; the store shows the most recently imported version`,
        });
      }
    }
  }
  const links = new Map(rows.links.map((l) => [l.key, l]));
  for (const batch of chunks(rows.links, batchSize)) {
    const ids: Record<string, string[]> = {};
    for (const l of batch) (ids[l.type] ??= []).push(l.id);
    for (const c of await tx.run('preflight-links', { dataset, ids })) {
      const l = links.get(`link:${c.type}:${c.id}`)!;
      const others = c.others as string[];
      const moved = c.storedFrom !== l.from || c.storedTo !== l.to;
      // A link this dataset alone asserts between other ends is dropped before the write, so it is written anew.
      if (!(moved && others.length === 0 && c.ours === true)) newLinks.delete(l.key);
      if (others.length === 0 || !moved) continue;
      errors.push({
        path: `${l.path}.id`,
        message: `link "${l.id}" (${l.type}) joins ${c.storedFrom} → ${c.storedTo} in dataset ${list(others)}; here it joins ${l.from} → ${l.to}. Give it another id, or correct one of the two datasets`,
      });
    }
  }
  const order = new Map([...rows.records, ...rows.links].map((r, i) => [r.path, i]));
  const inFileOrder = (a: Problem, b: Problem) =>
    order.get(a.path.replace(/\.(id|name)$/, ''))! - order.get(b.path.replace(/\.(id|name)$/, ''))!;
  errors.sort(inFileOrder);
  warnings.sort(inFileOrder);
  return { errors, warnings, newRecords, newLinks };
}

/** Rows grouped by a field (link type, record label): the shape the per-type Cypher takes, one statement for all types. Pure. */
function groupBy<T>(rows: T[], key: (row: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const row of rows) (out[key(row)] ??= []).push(row);
  return out;
}
const byType = <T extends { type: string }>(rows: T[]) => groupBy(rows, (r) => r.type);

/**
 * Imports `dataset` (already validated) in one transaction: readers and a crash see either the old version or the
 * new one. A second import waits for the first. Conflicts with other datasets throw ImportConflictError before
 * anything is written. The history records the import as one change with its counts, and the verdicts it changes (verdict-keeper.ts).
 */
export async function importDataset(
  db: Database,
  dataset: Dataset,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const action = options.replaceAll ? 'replace-all' : 'import';
  return journaled(db, dataset.id, action, options.signal, (tx) =>
    keepingVerdicts(tx, { dataset: dataset.id, action }, async (tx) => {
      const author = options.author ?? commandLineAuthor();
      if (!options.replaceAll) await refuseOthersDataset(tx, dataset.id, options.requester);
      if (options.replaceAll) {
        await tx.run('delete-everything');
        await evidenceEmptied(tx);
      }
      const summary = await importInto(tx, dataset, { ...options, origin: 'import', owner: author });
      const { removed, released } = summary;
      const dropped = removed.records + removed.links + released.records + released.links;
      if (options.requester && !options.requester.admin && dropped > 0) {
        // Thrown inside the transaction: it rolls back, and the dataset keeps every record it had.
        throw new DatasetPermissionError(
          `this version of dataset "${dataset.id}" drops ${dropped} record${dropped === 1 ? '' : 's'} and link${dropped === 1 ? '' : 's'} it held (${removed.records + removed.links} would be deleted from the store); nothing was written. Removing records in bulk needs an admin: ask one to import it, or keep those records in the file`,
        );
      }
      summary.change = await recordImportChange(tx, dataset, summary, { ...options, author, action });
      return summary;
    }),
  );
}

/** Records an import (or a whole-store replace) in the history: one change with its counts. */
export async function recordImportChange(
  tx: Transaction,
  dataset: Dataset,
  summary: ImportSummary,
  options: Pick<ImportOptions, 'role' | 'reason'> & { author: string; action: 'import' | 'replace-all' },
): Promise<ChangeRow> {
  const { created, updated, unchanged, removed, released, retracted } = summary;
  const { action } = options;
  const changed = updated.records + updated.links - unchanged.records - unchanged.links;
  return recordChange(tx, {
    author: options.author,
    role: options.role ?? null,
    dataset: dataset.id,
    reason: options.reason ?? null,
    summary: `${action === 'replace-all' ? 'replaced the whole store with' : 'imported'} "${dataset.name}": ${created.records + created.links} new, ${changed} changed, ${unchanged.records + unchanged.links} unchanged, ${removed.records + removed.links} removed${retracted ? `, ${retracted} retracted left out` : ''}`,
    action,
    record: null,
    scope: 'dataset',
    before: null,
    after: null,
    status: 'applied',
    counts: { created, updated, unchanged, removed, released, retracted },
  });
}

/**
 * Writes `dataset` as the store's version of it inside `tx` (which holds the import lock): what editors retracted is
 * left out and reported, conflicts throw ImportConflictError, and the dataset becomes the newest (its versions show).
 */
export async function importInto(
  tx: Transaction,
  dataset: Dataset,
  options: ImportOptions & { origin: 'import' | 'curation'; owner?: string },
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const createBatchSize = options.batchSize ?? 10_000;
  const { rows, left } = await withoutRetracted(tx, datasetRows(dataset), batchSize);
  const total = rows.records.length + rows.links.length;
  const summary: ImportSummary = {
    dataset: dataset.id,
    created: { records: 0, links: 0 },
    updated: { records: 0, links: 0 },
    unchanged: { records: 0, links: 0 },
    removed: { records: 0, links: 0 },
    released: { records: 0, links: 0 },
    retracted: left.length,
    warnings: [],
  };
  const { errors, warnings, newRecords, newLinks } = await preflight(tx, dataset.id, rows, createBatchSize);
  summary.warnings = [...left, ...warnings, ...(await sameIdentifiers(tx, dataset, batchSize))];
  if (errors.length) throw new ImportConflictError(errors, warnings);

  // Drop first what this version no longer holds (or holds as another kind), so that ids can be written anew. A dataset
  // the store does not know owns nothing yet: its first import skips the scan.
  const [known] = await tx.run('dataset-known', { dataset: dataset.id });
  // The change this write will be recorded as: the records and links it makes carry its seq, those it replaces or drops are retired with it.
  const seq = await nextChangeSeq(tx);
  if (known?.known === true) {
    const [links] = await tx.run('drop-links', {
      dataset: dataset.id,
      seq,
      keep: Object.fromEntries(rows.links.map((l) => [`${l.type}:${l.id}`, `${l.from}->${l.to}`])),
    });
    await touchWritten(tx, written(links?.touched));
    const [records] = await tx.run('drop-records', {
      dataset: dataset.id,
      seq,
      keep: Object.fromEntries(rows.records.map((r) => [r.id, r.signature])),
    });
    await touchWritten(tx, [...written(records?.touched), ...written(records?.touchedLinks)]);
    summary.removed = { records: Number(records?.deleted ?? 0), links: Number(links?.deleted ?? 0) };
    summary.released = { records: Number(records?.released ?? 0), links: Number(links?.released ?? 0) };
  }
  // The evidence digest (docs/versioning.md): what the store holds is named by the queries that change or delete it,
  // each returning what it changed with the `h` it had before (`touched`), so that the seal reads back what changed,
  // not everything the dataset holds; what is new is named after the drops (it has no `h` to retire), since a record
  // or link written anew under its id (another kind, other ends) was first named, with its `h`, by the drop.
  await touchNew(
    tx,
    rows.records.filter((r) => newRecords.has(r.id)).map((r) => r.id),
    rows.links.filter((l) => newLinks.has(l.key)).map((l) => ({ type: l.type, id: l.id })),
  );

  let done = 0;
  options.onProgress?.(0, total);
  // What the store does not hold is created (grouped by label or type, bigger batches), each with the `h` of its content
  // as stored, which the seal then finds right instead of writing it again; the rest is merged with what other datasets
  // say, keeping the version it replaces (the seal stamps those).
  const created = rows.records.filter((r) => newRecords.has(r.id));
  for (const batch of chunks(created, createBatchSize)) {
    const [r] = await tx.run('create-records', {
      dataset: dataset.id,
      seq,
      rows: groupBy(
        batch.map(({ label, id, props }) => ({
          label,
          props: { ...props, h: createdRecordProps(label, id, props, dataset.id, seq).h },
        })),
        (x) => x.label,
      ),
    });
    summary.created.records += Number(r?.created ?? 0);
    options.onProgress?.((done += batch.length), total);
  }
  // What this version says again as the store holds it is found by a read in big batches and counted, not written
  // (the upsert would leave it as it is); the rest is upserted.
  const keptRecords = rows.records
    .filter((r) => !newRecords.has(r.id))
    .map(({ id, label, props }) => ({ id, label, props }));
  for (const check of chunks(keptRecords, createBatchSize)) {
    const [same] = await tx.run('unchanged-records', { dataset: dataset.id, rows: check });
    const unchanged = new Set(same?.unchanged as string[]);
    summary.updated.records += unchanged.size;
    summary.unchanged.records += unchanged.size;
    options.onProgress?.((done += unchanged.size), total);
    for (const batch of chunks(
      check.filter((r) => !unchanged.has(r.id)),
      batchSize,
    )) {
      const [r] = await tx.run('upsert-records', { dataset: dataset.id, seq, rows: batch });
      await touchWritten(tx, written(r?.touched));
      summary.created.records += Number(r?.created ?? 0);
      summary.updated.records += Number(r?.written ?? 0) - Number(r?.created ?? 0);
      summary.unchanged.records += Number(r?.unchanged ?? 0);
      options.onProgress?.((done += batch.length), total);
    }
  }
  for (const batch of chunks(
    rows.links.filter((l) => newLinks.has(l.key)),
    createBatchSize,
  )) {
    const [r] = await tx.run('create-links', {
      dataset: dataset.id,
      seq,
      rows: byType(
        batch.map((l) => ({
          type: l.type,
          from: l.from,
          to: l.to,
          props: { ...l.props, h: createdLinkProps(l, dataset.id, seq).h },
        })),
      ),
    });
    summary.created.links += Number(r?.created ?? 0);
    options.onProgress?.((done += batch.length), total);
  }
  const keptLinks = rows.links
    .filter((l) => !newLinks.has(l.key))
    .map(({ type, id, from, to, key, props }) => ({ type, id, from, to, key, props }));
  for (const check of chunks(keptLinks, createBatchSize)) {
    const [same] = await tx.run('unchanged-links', { dataset: dataset.id, rows: byType(check) });
    const unchanged = new Set(same?.unchanged as string[]);
    summary.updated.links += unchanged.size;
    summary.unchanged.links += unchanged.size;
    options.onProgress?.((done += unchanged.size), total);
    for (const batch of chunks(
      check.filter((l) => !unchanged.has(l.key)),
      batchSize,
    )) {
      const [r] = await tx.run('upsert-links', { dataset: dataset.id, seq, rows: byType(batch) });
      await touchWritten(tx, written(r?.touched));
      summary.created.links += Number(r?.created ?? 0);
      summary.updated.links += Number(r?.written ?? 0) - Number(r?.created ?? 0);
      summary.unchanged.links += Number(r?.unchanged ?? 0);
      options.onProgress?.((done += batch.length), total);
    }
  }
  for (const batch of chunks(rows.claimEnds, batchSize)) await tx.run('claim-ends', { rows: batch });
  for (const batch of chunks(rows.payEnds, batchSize)) await tx.run('pay-ends', { rows: batch });
  await tx.run(
    'finish-import',
    finishImportParams(dataset, rows, options.origin, options.owner ?? null, options.fileSha256 ?? null),
  );
  return summary;
}

/** The elements a write returned as `touched` (none when it matched nothing). */
const written = (touched: unknown): WrittenElement[] => (Array.isArray(touched) ? (touched as WrittenElement[]) : []);

/** The parameters of finish-import.cypher: the dataset's record, with the counts of what the store keeps of it. Pure. */
export function finishImportParams(
  d: Dataset,
  rows: Pick<Rows, 'records' | 'links'>,
  origin: 'import' | 'curation',
  owner: string | null,
  fileSha256: string | null = null,
): Record<string, unknown> {
  const kept = new Set(rows.records.map((r) => r.id));
  return {
    dataset: d.id,
    name: d.name,
    format: d.format,
    description: d.description ?? null,
    origin,
    owner,
    entities: [...d.organizations, ...d.workerPools, ...d.tasks, ...d.aiProducts].filter((e) => kept.has(e.id)).length,
    links: rows.links.length,
    claims: d.claims.filter((c) => kept.has(c.id)).length,
    sources: d.sources.filter((s) => kept.has(s.id)).length,
    fileSha256,
  };
}

type Rows = ReturnType<typeof datasetRows>;

/** The dataset edits write by default: kept for them even before the first edit. */
export const CURATED_DATASET = 'curated';

/** The refusal of an import into the curated dataset (or any dataset edits write). */
export function curatedRefusal(id: string): DatasetPermissionError {
  return new DatasetPermissionError(
    `dataset "${id}" is curated: editors' changes write it, one record at a time, each in the history; an import would replace their work. Give your file another dataset id, or make the changes as edits`,
  );
}

/**
 * Datasets have kinds and owners: a curated dataset is written by edits only (an import would wipe what editors did and
 * leave them unable to edit it), and a file dataset over the API only by the author who imported it first, or an admin.
 */
async function refuseOthersDataset(tx: Transaction, id: string, requester: ImportOptions['requester']): Promise<void> {
  const meta = (await tx.run('datasets')).find((d) => d.id === id);
  if (!meta && id !== CURATED_DATASET) return;
  if (!meta || meta.origin === 'curation') throw curatedRefusal(id);
  if (requester && !requester.admin && meta.owner !== requester.name) {
    throw new DatasetPermissionError(
      `dataset "${id}" was imported by ${meta.owner ? JSON.stringify(String(meta.owner)) : 'someone else'}; only they or an admin may import a new version of it. Give your file another dataset id, or ask an admin`,
    );
  }
}

/** Incoming organisations that share an identifier with a stored organisation of another id: said, never merged. */
export async function sameIdentifiers(tx: Transaction, dataset: Dataset, batchSize: number): Promise<Problem[]> {
  const rows = dataset.organizations
    .map((o, i) => ({ path: `organizations[${i}]`, id: o.id, keys: (o.identifiers ?? []).map(identifierKey) }))
    .filter((r) => r.keys.length);
  const found: Problem[] = [];
  for (const batch of chunks(rows, batchSize)) {
    for (const r of await tx.run('preflight-identifiers', { rows: batch })) {
      found.push({
        path: `${r.path}.identifiers`,
        message: `"${r.id}" is probably the same as "${r.storedId}" (${JSON.stringify(r.storedName)}): both have ${r.key}. They stay two records; give them one id if they are one organisation`,
      });
    }
  }
  return found;
}

/** The rows minus what editors retracted, and minus links and claims that would hang on a retracted record; each one left out is a warning. */
export async function withoutRetracted(
  tx: Transaction,
  rows: Rows,
  batchSize: number,
): Promise<{ rows: Rows; left: Problem[] }> {
  const [any] = await tx.run('any-retractions');
  if (any?.any !== true) return { rows, left: [] };
  const keys = [...rows.records.map((r) => r.id), ...rows.links.map((l) => l.key)];
  const retracted = new Map<string, { change: string; reason: string }>();
  for (const batch of chunks(keys, batchSize * 10)) {
    for (const r of await tx.run('retractions-among', { keys: batch }))
      retracted.set(String(r.key), { change: String(r.change), reason: String(r.reason ?? '') });
  }
  if (retracted.size === 0) return { rows, left: [] };
  const left: Problem[] = [];
  const why = (key: string) => {
    const r = retracted.get(key)!;
    return `${r.change}${r.reason ? `: ${r.reason}` : ''}`;
  };
  const records = rows.records.filter((r) => {
    if (!retracted.has(r.id)) return true;
    left.push({
      path: r.path,
      message: `"${r.id}" was retracted by an editor (${why(r.id)}); left out. Revert that change to bring it back`,
    });
    return false;
  });
  const ids = new Set(records.map((r) => r.id));
  const gone = (id: string) => retracted.has(id);
  const links = rows.links.filter((l) => {
    const reason = retracted.has(l.key)
      ? `link "${l.id}" was retracted by an editor (${why(l.key)})`
      : gone(l.from) || gone(l.to)
        ? `link "${l.id}" joins "${gone(l.from) ? l.from : l.to}", which an editor retracted (${why(gone(l.from) ? l.from : l.to)})`
        : null;
    if (reason) left.push({ path: l.path, message: `${reason}; left out. Revert that change to bring it back` });
    return reason === null;
  });
  const claimEnds = rows.claimEnds.filter((c) => ids.has(c.id) && !gone(c.by) && !gone(c.subject));
  const claimIds = new Set(claimEnds.map((c) => c.id));
  const payEnds = rows.payEnds.filter((p) => ids.has(p.id) && !gone(p.pool) && !(p.task !== null && gone(p.task)));
  const payIds = new Set(payEnds.map((p) => p.id));
  const kept = records.filter(
    (r) => (r.label !== 'Claim' || claimIds.has(r.id)) && (r.label !== 'PayReport' || payIds.has(r.id)),
  );
  for (const r of records)
    if (r.label === 'Claim' && !claimIds.has(r.id))
      left.push({
        path: r.path,
        message: `claim "${r.id}" is by or about a record an editor retracted; left out. Revert that change to bring it back`,
      });
  for (const r of records)
    if (r.label === 'PayReport' && !payIds.has(r.id))
      left.push({
        path: r.path,
        message: `pay report "${r.id}" is about a worker pool or task an editor retracted; left out. Revert that change to bring it back`,
      });
  return { rows: { records: kept, links, claimEnds, payEnds }, left };
}

/** Takes one dataset out of the store, in one transaction; records other datasets assert stay, as those datasets say them. */
export async function removeDataset(
  db: Database,
  id: string,
  options: { signal?: AbortSignal; author?: string; role?: string | null; reason?: string | null } = {},
): Promise<{
  removed: { records: number; links: number };
  released: { records: number; links: number };
  change: ChangeRow;
}> {
  return journaled(db, id, 'remove', options.signal, (tx) =>
    keepingVerdicts(tx, { dataset: id, action: 'remove' }, async (tx) => {
      const known = await tx.run('datasets');
      if (!known.some((d) => d.id === id)) {
        throw new UnknownDatasetError(
          `no dataset has id "${id}" in this store; the datasets are: ${known.map((d) => String(d.id)).join(', ') || 'none'}`,
        );
      }
      // What the drops change or delete is named by the drops themselves, with the `h` each had (as an import's are).
      const seq = await nextChangeSeq(tx);
      const [links] = await tx.run('drop-links', { dataset: id, keep: {}, seq });
      await touchWritten(tx, written(links?.touched));
      const [records] = await tx.run('drop-records', { dataset: id, keep: {}, seq });
      await touchWritten(tx, [...written(records?.touched), ...written(records?.touchedLinks)]);
      await tx.run('delete-dataset', { dataset: id });
      const removed = { records: Number(records?.deleted ?? 0), links: Number(links?.deleted ?? 0) };
      const released = { records: Number(records?.released ?? 0), links: Number(links?.released ?? 0) };
      const change = await recordChange(tx, {
        author: options.author ?? commandLineAuthor(),
        role: options.role ?? null,
        dataset: id,
        reason: options.reason ?? null,
        summary: `removed dataset "${id}": ${removed.records + removed.links} deleted, ${released.records + released.links} left to other datasets`,
        action: 'remove',
        record: null,
        scope: 'dataset',
        before: null,
        after: null,
        status: 'applied',
        counts: { removed, released },
      });
      return { removed, released, change };
    }),
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
