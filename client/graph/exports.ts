// The view on screen as a deep-labour/v1 dataset, which every export format writes from (format/export-formats/). Pure.
import type { GraphNode, Link, Source } from '../api/types.js';
export { escapeXml, toGexf, toGraphml } from '../../format/graph-xml.js';

export interface ViewGraph {
  nodes: GraphNode[];
  edges: Link[];
}

/** The view as a deep-labour/v1 dataset (entities with the fields the view holds, links with their sources). */
export function toDataset(view: ViewGraph, title: string, asOf: string): Record<string, unknown> {
  const sources = new Map<string, Source>();
  for (const e of view.edges) for (const s of e.sources) sources.set(s.id, s);
  // Unset fields (null, or an empty list such as a link's `interests`) are left out, as a dataset leaves them out.
  const clean = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(
      Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)),
    );
  const byKind = (test: (n: GraphNode) => boolean) => view.nodes.filter(test);
  const isOrg = (n: GraphNode) => !['worker-pool', 'task', 'ai-product'].includes(n.kind);
  return {
    format: 'deep-labour/v1',
    name: title,
    description: `Exported from Deep Labour Explorer: the links valid at ${asOf} in the view on screen.`,
    sources: [...sources.values()].map((s) => clean({ ...s })),
    organizations: byKind(isOrg).map((n) => clean({ id: n.id, name: n.name, kind: n.kind, country: n.country })),
    workerPools: byKind((n) => n.kind === 'worker-pool').map((n) =>
      clean({ id: n.id, name: n.name, country: n.country, size: n.size }),
    ),
    tasks: byKind((n) => n.kind === 'task').map((n) => clean({ id: n.id, name: n.name, kind: n.taskKind ?? 'other' })),
    aiProducts: byKind((n) => n.kind === 'ai-product').map((n) => clean({ id: n.id, name: n.name })),
    links: view.edges.map((e) => clean({ ...e, sources: e.sources.map((s) => s.id) })),
    claims: [],
  };
}
