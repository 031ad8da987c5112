// Turns an API subgraph into Cytoscape elements: pure, so it is tested headless.
import type { ElementDefinition } from 'cytoscape';
import type { GraphNode, Link, Subgraph } from '../api/types.js';
import { isKnownLinkType, KIND_LOOK } from './roles.js';

export interface Filters {
  /** Link types not to show. */
  hiddenTypes: string[];
  /** Organisation kinds not to show. */
  hiddenKinds: string[];
  /** Countries not to show (nodes without a country always show). */
  hiddenCountries: string[];
}

export const NO_FILTERS: Filters = { hiddenTypes: [], hiddenKinds: [], hiddenCountries: [] };

export interface Decorations {
  /** Extra classes per node id, e.g. role-recruiting on a provenance view. */
  nodeClasses?: Record<string, string[]>;
  /** Extra classes per edge id. */
  edgeClasses?: Record<string, string[]>;
  /** A node never filtered out (the view's root). */
  keep?: string;
  /** A second line under a node's name, e.g. the worker's share of the client's euro. */
  nodeNotes?: Record<string, string>;
}

/** Euros with cents; below 10 cents, to a tenth of a cent when it matters (€0.025), else cents (€0.02). */
export function formatEur(value: number): string {
  return `€${value < 0.1 ? value.toFixed(3).replace(/0$/, '') : value.toFixed(2)}`;
}

/** The short text drawn on an edge: the price per unit, or the AI use. */
export function edgeLabel(link: Link): string {
  if (link.type === 'FEEDS' && link.use) return link.use;
  if (link.pricePerUnitEur !== null) return `${formatEur(link.pricePerUnitEur)}/unit`;
  return '';
}

export function isVisibleNode(node: GraphNode, filters: Filters, keep?: string): boolean {
  if (node.id === keep) return true;
  if (filters.hiddenKinds.includes(node.kind)) return false;
  if (node.country && filters.hiddenCountries.includes(node.country)) return false;
  return true;
}

/** What the filters leave of `subgraph`: its nodes that pass, and the links between them of the types shown. The graph and the tables both show this. */
export function visibleSubgraph(
  subgraph: Subgraph,
  filters: Filters,
  keep?: string,
): { nodes: GraphNode[]; edges: Link[] } {
  const nodes = subgraph.nodes.filter((n) => isVisibleNode(n, filters, keep));
  const shown = new Set(nodes.map((n) => n.id));
  return {
    nodes,
    edges: subgraph.edges.filter((e) => shown.has(e.from) && shown.has(e.to) && !filters.hiddenTypes.includes(e.type)),
  };
}

/** Whether a link is hidden from its workers: said so, or one of its ends is an undisclosed party. */
export function isUndisclosed(link: Link, kindOf: (id: string) => string | undefined): boolean {
  return link.disclosedToWorkers === false || kindOf(link.from) === 'undisclosed' || kindOf(link.to) === 'undisclosed';
}

/** Elements for `subgraph`, filtered, with classes that carry kind, link type, opacity and sourcing. */
export function toElements(
  subgraph: Subgraph,
  filters: Filters = NO_FILTERS,
  decorations: Decorations = {},
): ElementDefinition[] {
  const kindOf = new Map(subgraph.nodes.map((n) => [n.id, n.kind]));
  const visible = visibleSubgraph(subgraph, filters, decorations.keep);
  const nodes: ElementDefinition[] = visible.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: decorations.nodeNotes?.[n.id] ? `${n.name}\n${decorations.nodeNotes[n.id]}` : n.name,
      kind: n.kind,
      country: n.country,
      taskKind: n.taskKind,
      size: n.size,
    },
    classes: [n.kind in KIND_LOOK ? `kind-${n.kind}` : 'kind-unknown', ...(decorations.nodeClasses?.[n.id] ?? [])].join(
      ' ',
    ),
  }));
  const edges: ElementDefinition[] = visible.edges.map((e) => {
    const classes = [isKnownLinkType(e.type) ? `type-${e.type}` : 'type-unknown'];
    if (isUndisclosed(e, (id) => kindOf.get(id))) classes.push('undisclosed');
    if (e.sources.length === 0) classes.push('unsourced');
    classes.push(...(decorations.edgeClasses?.[e.id] ?? []));
    return {
      group: 'edges' as const,
      data: { id: e.id, source: e.from, target: e.to, type: e.type, label: edgeLabel(e), link: e },
      classes: classes.join(' '),
    };
  });
  return [...nodes, ...edges];
}

/** Merges a second subgraph into the first (an expansion), each node and edge once. */
export function mergeSubgraphs(a: Subgraph, b: Subgraph): Subgraph {
  const nodes = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const edges = new Map(a.edges.map((e) => [e.id, e]));
  for (const e of b.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: a.truncated || b.truncated,
    edgesTruncated: a.edgesTruncated || b.edgesTruncated,
  };
}

/** What a new answer adds and removes compared with the one on screen (for the time slider). */
export function changes(before: Subgraph, after: Subgraph): { appeared: string[]; disappeared: string[] } {
  const ids = (s: Subgraph) => new Set([...s.nodes.map((n) => n.id), ...s.edges.map((e) => e.id)]);
  const a = ids(before);
  const b = ids(after);
  return { appeared: [...b].filter((x) => !a.has(x)), disappeared: [...a].filter((x) => !b.has(x)) };
}

/** Link types and kinds in the answer that this explorer has no look for: drawn neutral, and reported. */
export function unknownVocabulary(subgraph: Subgraph): { linkTypes: string[]; kinds: string[] } {
  return {
    linkTypes: [...new Set(subgraph.edges.map((e) => e.type).filter((t) => !isKnownLinkType(t)))].sort(),
    kinds: [...new Set(subgraph.nodes.map((n) => n.kind).filter((k) => !(k in KIND_LOOK)))].sort(),
  };
}
