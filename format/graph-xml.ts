// GEXF (Gephi) and GraphML (Cytoscape desktop, yEd) of a graph: the view on screen, or a whole dataset. Pure.
import { linkKey, type Dataset } from './model.js';

/** A node as the XML formats write it (the explorer's view nodes have this shape). */
export interface XmlNode {
  id: string;
  name: string;
  kind: string;
  country?: string | null;
  taskKind?: string | null;
  size?: number | null;
}

/** A link as the XML formats write it, its sources by title and date (the explorer's view links have this shape). */
export interface XmlEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  since?: string | null;
  until?: string | null;
  disclosedToWorkers?: boolean | null;
  pricePerUnitEur?: number | null;
  use?: string | null;
  confidence?: number | null;
  sources: { title: string; date?: string | null }[];
}

export interface XmlGraph {
  nodes: XmlNode[];
  edges: XmlEdge[];
}

/** A whole dataset as a graph for the XML formats: every entity a node, every link an edge with its sources. */
export function datasetGraph(dataset: Dataset): XmlGraph {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  return {
    nodes: [
      ...dataset.organizations.map((o) => ({ id: o.id, name: o.name, kind: o.kind, country: o.country ?? null })),
      ...dataset.workerPools.map((p) => ({
        id: p.id,
        name: p.name,
        kind: 'worker-pool',
        country: p.country ?? null,
        size: p.size ?? null,
      })),
      ...dataset.tasks.map((t) => ({ id: t.id, name: t.name, kind: 'task', taskKind: t.kind })),
      ...dataset.aiProducts.map((a) => ({ id: a.id, name: a.name, kind: 'ai-product' })),
    ],
    edges: dataset.links.map((l) => ({
      ...l,
      id: l.id ?? linkKey(l.type, l.from, l.to),
      sources: (l.sources ?? []).flatMap((id) => {
        const s = sources.get(id);
        return s ? [{ title: s.title, date: s.date ?? null }] : [];
      }),
    })),
  };
}

/**
 * Text as XML 1.0 character data or attribute value, well-formed for any stored string: markup characters escaped,
 * and the characters XML 1.0 cannot hold at all (most controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    )
    .replace(
      /[<>&"'\t\n\r]/g,
      (c) =>
        ({
          '<': '&lt;',
          '>': '&gt;',
          '&': '&amp;',
          '"': '&quot;',
          "'": '&apos;',
          '\t': '&#9;',
          '\n': '&#10;',
          '\r': '&#13;',
        })[c]!,
    );
}

const EDGE_ATTRIBUTES = [
  ['type', 'string'],
  ['since', 'string'],
  ['until', 'string'],
  ['disclosedToWorkers', 'boolean'],
  ['pricePerUnitEur', 'double'],
  ['use', 'string'],
  ['confidence', 'double'],
  ['sources', 'string'],
] as const;
const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['country', 'string'],
  ['taskKind', 'string'],
  ['size', 'integer'],
] as const;

function edgeValue(e: XmlEdge, key: (typeof EDGE_ATTRIBUTES)[number][0]): string | null {
  if (key === 'sources')
    return e.sources.length ? e.sources.map((s) => `${s.title}${s.date ? ` (${s.date})` : ''}`).join('; ') : null;
  const v = e[key];
  return v === null || v === undefined ? null : String(v);
}

/** GEXF 1.3 with the kind, country, link type, dates, prices and sources as attributes. */
export function toGexf(view: XmlGraph, title: string): string {
  const nodeAttrs = NODE_ATTRIBUTES.map(([k, t], i) => `      <attribute id="n${i}" title="${k}" type="${t}"/>`).join(
    '\n',
  );
  const edgeAttrs = EDGE_ATTRIBUTES.map(([k, t], i) => `      <attribute id="e${i}" title="${k}" type="${t}"/>`).join(
    '\n',
  );
  const nodes = view.nodes
    .map((n) => {
      const values = NODE_ATTRIBUTES.map(([k], i) =>
        n[k] === null || n[k] === undefined ? '' : `<attvalue for="n${i}" value="${escapeXml(String(n[k]))}"/>`,
      ).join('');
      return `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.name)}"><attvalues>${values}</attvalues></node>`;
    })
    .join('\n');
  const edges = view.edges
    .map((e) => {
      const values = EDGE_ATTRIBUTES.map(([k], i) => {
        const v = edgeValue(e, k);
        return v === null ? '' : `<attvalue for="e${i}" value="${escapeXml(v)}"/>`;
      }).join('');
      return `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}" label="${escapeXml(e.type)}"><attvalues>${values}</attvalues></edge>`;
    })
    .join('\n');
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
export function toGraphml(view: XmlGraph, title: string): string {
  const graphmlType = (t: string) => (t === 'integer' ? 'int' : t);
  const keys = [
    `  <key id="name" for="node" attr.name="name" attr.type="string"/>`,
    ...NODE_ATTRIBUTES.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${graphmlType(t)}"/>`),
    ...EDGE_ATTRIBUTES.map(([k, t]) => `  <key id="${k}" for="edge" attr.name="${k}" attr.type="${graphmlType(t)}"/>`),
  ].join('\n');
  const nodes = view.nodes
    .map((n) => {
      const data = [
        `<data key="name">${escapeXml(n.name)}</data>`,
        ...NODE_ATTRIBUTES.map(([k]) =>
          n[k] === null || n[k] === undefined ? '' : `<data key="${k}">${escapeXml(String(n[k]))}</data>`,
        ),
      ].join('');
      return `    <node id="${escapeXml(n.id)}">${data}</node>`;
    })
    .join('\n');
  const edges = view.edges
    .map((e) => {
      const data = EDGE_ATTRIBUTES.map(([k]) => {
        const v = edgeValue(e, k);
        return v === null ? '' : `<data key="${k}">${escapeXml(v)}</data>`;
      }).join('');
      return `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}">${data}</edge>`;
    })
    .join('\n');
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
