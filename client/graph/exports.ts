// Exports of the view on screen: GEXF (Gephi), GraphML (Cytoscape desktop, yEd) and the deep-labour/v1 dataset. Pure.
import type { GraphNode, Link, Source } from '../api/types.js';

export interface ViewGraph {
  nodes: GraphNode[];
  edges: Link[];
}

/**
 * Text as XML 1.0 character data or attribute value, well-formed for any stored string: markup characters escaped,
 * and the characters XML 1.0 cannot hold at all (most controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[<>&"'\t\n\r]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);
}

const EDGE_ATTRIBUTES = [
  ['type', 'string'], ['since', 'string'], ['until', 'string'], ['disclosedToWorkers', 'boolean'],
  ['pricePerUnitEur', 'double'], ['use', 'string'], ['confidence', 'double'], ['sources', 'string'],
] as const;
const NODE_ATTRIBUTES = [['kind', 'string'], ['country', 'string'], ['taskKind', 'string'], ['size', 'integer']] as const;

function edgeValue(e: Link, key: (typeof EDGE_ATTRIBUTES)[number][0]): string | null {
  if (key === 'sources') return e.sources.length ? e.sources.map((s) => `${s.title}${s.date ? ` (${s.date})` : ''}`).join('; ') : null;
  const v = e[key];
  return v === null || v === undefined ? null : String(v);
}

/** GEXF 1.3 with the kind, country, link type, dates, prices and sources as attributes. */
export function toGexf(view: ViewGraph, title: string): string {
  const nodeAttrs = NODE_ATTRIBUTES.map(([k, t], i) => `      <attribute id="n${i}" title="${k}" type="${t}"/>`).join('\n');
  const edgeAttrs = EDGE_ATTRIBUTES.map(([k, t], i) => `      <attribute id="e${i}" title="${k}" type="${t}"/>`).join('\n');
  const nodes = view.nodes.map((n) => {
    const values = NODE_ATTRIBUTES.map(([k], i) => (n[k] === null || n[k] === undefined ? '' : `<attvalue for="n${i}" value="${escapeXml(String(n[k]))}"/>`)).join('');
    return `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.name)}"><attvalues>${values}</attvalues></node>`;
  }).join('\n');
  const edges = view.edges.map((e) => {
    const values = EDGE_ATTRIBUTES.map(([k], i) => {
      const v = edgeValue(e, k);
      return v === null ? '' : `<attvalue for="e${i}" value="${escapeXml(v)}"/>`;
    }).join('');
    return `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}" label="${escapeXml(e.type)}"><attvalues>${values}</attvalues></edge>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>Deep Labour Explorer</creator><description>${escapeXml(title)}</description></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
${nodeAttrs}
    </attributes>
    <attributes class="edge">
${edgeAttrs}
    </attributes>
    <nodes>
${nodes}
    </nodes>
    <edges>
${edges}
    </edges>
  </graph>
</gexf>
`;
}

/** GraphML with keys for the same attributes. */
export function toGraphml(view: ViewGraph, title: string): string {
  const graphmlType = (t: string) => (t === 'integer' ? 'int' : t);
  const keys = [
    `  <key id="name" for="node" attr.name="name" attr.type="string"/>`,
    ...NODE_ATTRIBUTES.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${graphmlType(t)}"/>`),
    ...EDGE_ATTRIBUTES.map(([k, t]) => `  <key id="${k}" for="edge" attr.name="${k}" attr.type="${graphmlType(t)}"/>`),
  ].join('\n');
  const nodes = view.nodes.map((n) => {
    const data = [`<data key="name">${escapeXml(n.name)}</data>`,
      ...NODE_ATTRIBUTES.map(([k]) => (n[k] === null || n[k] === undefined ? '' : `<data key="${k}">${escapeXml(String(n[k]))}</data>`))].join('');
    return `    <node id="${escapeXml(n.id)}">${data}</node>`;
  }).join('\n');
  const edges = view.edges.map((e) => {
    const data = EDGE_ATTRIBUTES.map(([k]) => {
      const v = edgeValue(e, k);
      return v === null ? '' : `<data key="${k}">${escapeXml(v)}</data>`;
    }).join('');
    return `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}">${data}</edge>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <desc>${escapeXml(title)}</desc>
${keys}
  <graph id="view" edgedefault="directed">
${nodes}
${edges}
  </graph>
</graphml>
`;
}

/** The view as a deep-labour/v1 dataset (entities with the fields the view holds, links with their sources). */
export function toDataset(view: ViewGraph, title: string, asOf: string): Record<string, unknown> {
  const sources = new Map<string, Source>();
  for (const e of view.edges) for (const s of e.sources) sources.set(s.id, s);
  // Unset fields (null, or an empty list such as a link's `interests`) are left out, as a dataset leaves them out.
  const clean = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
  const byKind = (test: (n: GraphNode) => boolean) => view.nodes.filter(test);
  const isOrg = (n: GraphNode) => !['worker-pool', 'task', 'ai-product'].includes(n.kind);
  return {
    format: 'deep-labour/v1',
    name: title,
    description: `Exported from Deep Labour Explorer: the links valid at ${asOf} in the view on screen.`,
    sources: [...sources.values()].map((s) => clean({ ...s })),
    organizations: byKind(isOrg).map((n) => clean({ id: n.id, name: n.name, kind: n.kind, country: n.country })),
    workerPools: byKind((n) => n.kind === 'worker-pool').map((n) => clean({ id: n.id, name: n.name, country: n.country, size: n.size })),
    tasks: byKind((n) => n.kind === 'task').map((n) => clean({ id: n.id, name: n.name, kind: n.taskKind ?? 'other' })),
    aiProducts: byKind((n) => n.kind === 'ai-product').map((n) => clean({ id: n.id, name: n.name })),
    links: view.edges.map((e) => clean({ ...e, sources: e.sources.map((s) => s.id) })),
    claims: [],
  };
}
