// Pure conversions from Cypher rows to the API's shapes.
import type { EntityModel, EntityTypename, GraphNodeModel, LinkModel, SourceModel } from './models.js';
import { FIELD_SPECS, type FieldShape } from '../../format/field-specs.js';
import { parseIdentifier } from '../../format/model.js';

type Row = Record<string, unknown>;

const TYPENAMES: EntityTypename[] = ['Organization', 'WorkerPool', 'Task', 'AIProduct'];
const FIXED_KIND: Record<EntityTypename, string | null> = {
  Organization: null,
  WorkerPool: 'worker-pool',
  Task: 'task',
  AIProduct: 'ai-product',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

function typenameOf(row: Row): EntityTypename {
  const labels = Array.isArray(row.labels) ? (row.labels as string[]) : [];
  const found = TYPENAMES.find((t) => labels.includes(t));
  if (!found) throw new Error(`api: row ${String(row.id)} has none of the entity labels (${labels.join(', ')})`);
  return found;
}

/** The API's `kind`: an organisation's own kind, else worker-pool, task or ai-product. */
export function entityKind(row: Row): string {
  const typename = typenameOf(row);
  return FIXED_KIND[typename] ?? String(row.kind);
}

export function toSource(row: Row): SourceModel {
  return {
    id: String(row.id),
    title: String(row.title),
    type: String(row.type),
    url: str(row.url),
    date: str(row.date),
    publisher: str(row.publisher),
    locator: str(row.locator),
    retrievedOn: str(row.retrievedOn),
    archiveUrl: str(row.archiveUrl),
    documentSha256: str(row.documentSha256),
  };
}

/** A row's sources: its source records, or its source ids looked up in `index` (ids it does not hold are left out). */
function sourcesOf(row: Row, index?: ReadonlyMap<string, SourceModel>): SourceModel[] {
  if (!Array.isArray(row.sources)) return [];
  if (index) return (row.sources as unknown[]).flatMap((id) => index.get(String(id)) ?? []);
  return (row.sources as unknown[]).filter((s): s is Row => typeof s === 'object' && s !== null).map(toSource);
}

/** Source records by id, for rows that name their sources by id (an answer that reads each source once). */
export function sourceIndex(rows: unknown): Map<string, SourceModel> {
  return new Map((Array.isArray(rows) ? (rows as Row[]) : []).map((r) => [String(r.id), toSource(r)]));
}

export function toEntity(row: Row): EntityModel {
  return entityOf(row, sourcesOf(row));
}

/** An entity from a row whose `sources` are ids, looked up in `sources` (from sourceIndex). */
export function toEntityWithSources(row: Row, sources: ReadonlyMap<string, SourceModel>): EntityModel {
  return entityOf(row, sourcesOf(row, sources));
}

function entityOf(row: Row, sources: SourceModel[]): EntityModel {
  const __typename = typenameOf(row);
  return {
    __typename,
    id: String(row.id),
    name: String(row.name),
    kind: entityKind(row),
    country: str(row.country),
    aliases: Array.isArray(row.aliases) ? (row.aliases as string[]) : [],
    identifiers: Array.isArray(row.identifierKeys)
      ? row.identifierKeys.map((k) => parseIdentifier(String(k))).filter((x) => x !== null)
      : [],
    undisclosedReason: str(row.undisclosedReason),
    size: num(row.size),
    taskKind: __typename === 'Task' ? str(row.kind) : null,
    unitPayEur: num(row.unitPayEur),
    minutesPerUnit: num(row.minutesPerUnit),
    marketedAsFullyAutomated: bool(row.marketedAsFullyAutomated),
    note: str(row.note),
    sources,
    sizeSuppressed: false,
    paySuppressed: false,
    performerSizes: Array.isArray(row.performerSizes) ? (row.performerSizes as unknown[]).map(num) : [],
    performerSizesThen: Array.isArray(row.performerSizesThen) ? (row.performerSizesThen as unknown[]).map(num) : [],
  };
}

/** The link fields `toLink` reads by their shape in the schema (the others it reads by hand). */
const LINK_VALUE_FIELDS = FIELD_SPECS.links.filter((f) => !['id', 'type', 'from', 'to', 'sources'].includes(f.name));

/** A value as the API holds a field of `shape`: a list of texts, or the value when it has the shape's type, else null. */
function valueOfShape(shape: FieldShape, v: unknown): unknown {
  if (shape === 'list') return Array.isArray(v) ? v.map(String) : [];
  if (shape === 'number') return num(v);
  if (shape === 'boolean') return bool(v);
  if (shape === 'text') return str(v);
  return v ?? null;
}

/** A link from its row: every field the schema lists, by its shape, so a new field needs nothing here. */
export function toLink(row: Row): LinkModel {
  const values = Object.fromEntries(LINK_VALUE_FIELDS.map((f) => [f.name, valueOfShape(f.shape, row[f.name])]));
  return {
    ...(values as Omit<LinkModel, 'id' | 'type' | 'from' | 'to' | 'sources' | 'priceSuppressed'>),
    id: String(row.id),
    type: String(row.type),
    from: String(row.from),
    to: String(row.to),
    sources: sourcesOf(row),
    priceSuppressed: false,
  };
}

export function toGraphNode(row: Row): GraphNodeModel {
  const kind = entityKind(row);
  return {
    id: String(row.id),
    name: String(row.name),
    kind,
    country: str(row.country),
    taskKind: kind === 'task' ? str(row.kind) : null,
    size: num(row.size),
    sizeSuppressed: false,
  };
}

export function rows(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

/** Worker pay over client price (to 6 decimals), or null when either is unknown or the price is zero. */
export function workerShare(pay: number | null, price: number | null): number | null {
  if (pay === null || price === null || price === 0) return null;
  return Math.round((pay / price) * 1e6) / 1e6;
}
