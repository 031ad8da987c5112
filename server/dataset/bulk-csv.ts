// Writes a validated dataset as the CSV files of Neo4j's offline importer: the nodes and relationships an ordinary first import creates, with the same labels, types and properties.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../format/model.js';
import { datasetRows } from './import-dataset.js';
import { createdLinkProps, createdRecordProps, recordLabels } from './created-props.js';

/** The seq of a new store's first change: the one that records its first load (records and links carry it as `recFrom`). */
export const FIRST_CHANGE = 1;

type DatasetRows = ReturnType<typeof datasetRows>;

const ENTITY_LABELS = new Set(['Organization', 'WorkerPool', 'Task', 'AIProduct']);

/** The importer's column types for the values the ordinary import sends (the driver sends every JS number as a float). */
export type Column = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]' | 'boolean[]';

/** Separators of list values tried in turn: the first that no list value and no label holds is used. */
const DELIMITERS = ['\u001f', '\u001e', '|', ';'];

/**
 * The column type that carries `value` exactly as the ordinary import stores it, or null when the CSV cannot (an empty
 * list, an empty string in a list, a carriage return, a map): such a value is written afterwards in Cypher. Pure.
 */
export function columnOf(value: unknown, delimiter: string): Column | null {
  if (typeof value === 'string') return value.includes('\r') ? null : 'string';
  if (typeof value === 'number') return Number.isFinite(value) ? 'double' : null;
  if (typeof value === 'boolean') return 'boolean';
  if (!Array.isArray(value) || value.length === 0) return null;
  if (value.every((v) => typeof v === 'string' && v !== '' && !v.includes(delimiter) && !/[\r\n]/.test(v)))
    return 'string[]';
  if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double[]';
  if (value.every((v) => typeof v === 'boolean')) return 'boolean[]';
  return null;
}

/** One CSV field holding `value` (of the column type `columnOf` gave it). Pure. */
export function csvField(value: unknown, delimiter: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  if (Array.isArray(value)) return csvField(value.map(String).join(delimiter), delimiter);
  return String(value);
}

/** The separator of list values: one that no list element, label or dataset id holds. Pure. */
export function chooseDelimiter(dataset: Dataset, rows: DatasetRows = datasetRows(dataset)): string {
  const seen = new Set<string>();
  const note = (v: unknown) => {
    if (!Array.isArray(v)) return;
    for (const x of v) if (typeof x === 'string') for (const d of DELIMITERS) if (x.includes(d)) seen.add(d);
  };
  for (const r of rows.records) for (const v of Object.values(r.props)) note(v);
  for (const l of rows.links) for (const v of Object.values(l.props)) note(v);
  note([dataset.id]);
  const free = DELIMITERS.find((d) => !seen.has(d));
  // Every candidate taken: lists then go through Cypher after the import (columnOf refuses a list holding the delimiter).
  return free ?? DELIMITERS[0]!;
}

/** What the offline import writes, and what it leaves to Cypher afterwards. */
export interface BulkFiles {
  nodes: string[];
  relationships: string[];
  arrayDelimiter: string;
  /** Some quoted field holds a line break. */
  multiline: boolean;
  /** Properties the CSV cannot carry exactly, set in the finishing transaction. */
  later: {
    records: { id: string; props: Record<string, unknown> }[];
    links: { type: string; id: string; from: string; to: string; props: Record<string, unknown> }[];
  };
  /** Records and links the files create (the ordinary import's `created`). */
  created: { records: number; links: number };
}

/** Rows of one file, in columns typed from the values: a value the column cannot carry goes to `later`. Pure. */
function typedColumns(
  rows: { props: Record<string, unknown> }[],
  skip: ReadonlySet<string>,
  delimiter: string,
): { columns: [string, Column][]; later: Map<number, Record<string, unknown>> } {
  const types = new Map<string, Column>();
  const later = new Map<number, Record<string, unknown>>();
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row.props)) {
      if (skip.has(k) || v === undefined || v === null) continue;
      const t = columnOf(v, delimiter);
      const known = types.get(k);
      if (t !== null && (known === undefined || known === t)) {
        types.set(k, t);
        continue;
      }
      const own = later.get(i) ?? {};
      own[k] = v;
      later.set(i, own);
    }
  });
  return { columns: [...types], later };
}

/** Appends lines to a file in large writes. */
class LineWriter {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w', 0o600);
  }
  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length) writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Writes into `dir` the node and relationship files of a first import of `dataset` into an empty store: its records
 * (labels and properties as create-records.cypher writes them, owned by the dataset), its links between them
 * (create-links.cypher), the claims' and pay reports' ends (claim-ends, pay-ends), and the store's identity node.
 */
export function writeBulkCsv(
  dir: string,
  dataset: Dataset,
  identity: { id: string; createdAt: string },
  rows: DatasetRows = datasetRows(dataset),
): BulkFiles {
  const delimiter = chooseDelimiter(dataset, rows);
  const out: BulkFiles = {
    nodes: [],
    relationships: [],
    arrayDelimiter: delimiter,
    multiline: false,
    later: { records: [], links: [] },
    created: { records: 0, links: 0 },
  };
  const field = (v: unknown) => {
    if (typeof v === 'string' && v.includes('\n')) out.multiline = true;
    return csvField(v, delimiter);
  };
  const byLabel = new Map<string, { id: string; props: Record<string, unknown> }[]>();
  for (const r of rows.records) {
    const list = byLabel.get(r.label) ?? [];
    // Made by the new store's first change, as its links (docs/versioning.md). Its `h` is written with it: the finishing
    // transaction's seal reads every element back and stamps only those whose content does not hash to it.
    list.push({ id: r.id, props: createdRecordProps(r.label, r.id, r.props, dataset.id, FIRST_CHANGE) });
    byLabel.set(r.label, list);
  }
  const recordLabel = new Map(rows.records.map((r) => [r.id, r.label]));
  for (const [label, list] of byLabel) {
    const { columns, later } = typedColumns(list, new Set(['id']), delimiter);
    const path = join(dir, `nodes-${label}.csv`);
    const w = new LineWriter(path);
    w.line(['id:ID(Record)', ...columns.map(([k, t]) => `${k}:${t}`), ':LABEL'].join(','));
    const labels = csvField(recordLabels(label).join(delimiter), delimiter);
    list.forEach((row, i) => {
      const own = later.get(i);
      w.line([field(row.id), ...columns.map(([k]) => (own && k in own ? '' : field(row.props[k]))), labels].join(','));
      if (own) out.later.records.push({ id: row.id, props: own });
    });
    w.close();
    out.nodes.push(path);
    out.created.records += list.length;
  }

  // Links whose ends are both records of the dataset: create-links matches its ends and writes no other.
  const byType = new Map<string, (typeof rows.links)[number][]>();
  for (const l of rows.links) {
    if (!recordLabel.has(l.from) || !recordLabel.has(l.to)) continue;
    const list = byType.get(l.type) ?? [];
    // Made by the new store's first change (docs/versioning.md); new-store-import checks that its change is that one.
    list.push({ ...l, props: createdLinkProps(l, dataset.id, FIRST_CHANGE) });
    byType.set(l.type, list);
  }
  for (const [type, list] of byType) {
    const { columns, later } = typedColumns(list, new Set(), delimiter);
    const path = join(dir, `links-${type}.csv`);
    const w = new LineWriter(path);
    w.line([':START_ID(Record)', ':END_ID(Record)', ':TYPE', ...columns.map(([k, t]) => `${k}:${t}`)].join(','));
    list.forEach((l, i) => {
      const own = later.get(i);
      w.line(
        [field(l.from), field(l.to), type, ...columns.map(([k]) => (own && k in own ? '' : field(l.props[k])))].join(
          ',',
        ),
      );
      if (own) out.later.links.push({ type, id: l.id, from: l.from, to: l.to, props: own });
    });
    w.close();
    out.relationships.push(path);
    out.created.links += list.length;
  }

  // A claim's MADE_BY and ABOUT when both ends are entities (claim-ends matches both); a pay report's PAY_OF when its
  // pool is a worker pool, and then PAY_FOR when its task is a task (pay-ends).
  const ends = join(dir, 'ends.csv');
  const w = new LineWriter(ends);
  w.line(':START_ID(Record),:END_ID(Record),:TYPE');
  const isEntity = (id: string) => ENTITY_LABELS.has(recordLabel.get(id) ?? '');
  for (const c of rows.claimEnds) {
    if (recordLabel.get(c.id) !== 'Claim' || !isEntity(c.by) || !isEntity(c.subject)) continue;
    w.line(`${field(c.id)},${field(c.by)},MADE_BY`);
    w.line(`${field(c.id)},${field(c.subject)},ABOUT`);
  }
  for (const p of rows.payEnds) {
    if (!recordLabel.has(p.id) || recordLabel.get(p.pool) !== 'WorkerPool') continue;
    w.line(`${field(p.id)},${field(p.pool)},PAY_OF`);
    if (p.task !== null && recordLabel.get(p.task) === 'Task') w.line(`${field(p.id)},${field(p.task)},PAY_FOR`);
  }
  w.close();
  out.relationships.push(ends);

  // The store's identity, as the launcher writes it into a store it creates (it does not, once the importer made one).
  const store = join(dir, 'nodes-StoreIdentity.csv');
  const s = new LineWriter(store);
  s.line('singleton:boolean,id:string,createdAt:datetime,:LABEL');
  s.line(`true,${field(identity.id)},${identity.createdAt},StoreIdentity`);
  s.close();
  out.nodes.push(store);
  return out;
}
