// Shapes the rows of cascade-groups into the API's grouped view: labels, nulls where no figure may be shown, a stable order. Pure.

export interface NodeGroupModel {
  id: string;
  label: string;
  kind: string;
  countries: string[];
  depthMin: number;
  depthMax: number;
  members: number;
  withheldPools: number;
  unknownSizes: number;
  workersKnown: number | null;
  sizeMin: number | null;
  sizeMax: number | null;
}

export interface GroupLinkModel {
  from: string;
  to: string;
  type: string;
  links: number;
  pricesKnown: number;
  priceMin: number | null;
  priceMax: number | null;
  pricesWithheld: number;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** A name for a group id: `root`, `worker-pool/KE`, `vendor/2`. */
export function groupLabel(id: string, rootName: string): string {
  if (id === 'root') return rootName;
  const [kind, rest] = id.split('/');
  if (kind === 'worker-pool') return rest === 'unknown' ? 'Worker pools, country unknown' : `Worker pools in ${rest}`;
  return `${kind} at depth ${rest}`;
}

/**
 * A group as the API shows it. The query sums only the sizes of pools that are not small; when it counted none, the sum
 * (0 in Cypher) and the range are null, so a group of one small pool says nothing of its size.
 */
export function toNodeGroup(row: Row, rootName: string): NodeGroupModel {
  const counted = Number(row.countedSizes ?? 0);
  const id = String(row.id);
  return {
    id,
    label: groupLabel(id, rootName),
    kind: String(row.kind),
    countries: ((row.countries as string[] | null) ?? []).filter((c) => typeof c === 'string').sort(),
    depthMin: Number(row.depthMin),
    depthMax: Number(row.depthMax),
    members: Number(row.members),
    withheldPools: Number(row.withheldPools),
    unknownSizes: Number(row.unknownSizes),
    workersKnown: counted > 0 ? num(row.workers) : null,
    sizeMin: counted > 0 ? num(row.sizeMin) : null,
    sizeMax: counted > 0 ? num(row.sizeMax) : null,
  };
}

export function toGroupLink(row: Row): GroupLinkModel {
  const known = Number(row.pricesKnown ?? 0);
  return {
    from: String(row.from),
    to: String(row.to),
    type: String(row.type),
    links: Number(row.links),
    pricesKnown: known,
    priceMin: known > 0 ? num(row.priceMin) : null,
    priceMax: known > 0 ? num(row.priceMax) : null,
    pricesWithheld: Number(row.pricesWithheld ?? 0),
  };
}

/** The groups, the root's first then by id, and their links by from, to and type. */
export function toGroupedView(
  groups: Row[],
  links: Row[],
  rootName: string,
): { groups: NodeGroupModel[]; links: GroupLinkModel[] } {
  const shaped = groups.map((g) => toNodeGroup(g, rootName)).sort(byKey((g) => (g.id === 'root' ? '' : g.id)));
  return { groups: shaped, links: links.map(toGroupLink).sort(byKey((l) => `${l.from}\u0000${l.to}\u0000${l.type}`)) };
}
