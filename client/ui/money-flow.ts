// The money-flow (Sankey) picture of one value chain: the client's euro per unit of work flowing down through each hop
// to the worker pool, what each party keeps on the way, widths from prices where known and hatched, dashed and labelled
// "price not known" where not. Laid out by d3-sankey, written as an SVG string and an equivalent table. Pure.
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import type { ValueChain } from '../api/types.js';
import { escapeHtml as h } from './escape-html.js';

export interface FlowNode {
  id: string;
  name: string;
  role: 'client' | 'intermediary' | 'pool' | 'kept';
}
export interface FlowLink {
  source: string;
  target: string;
  value: number;
  known: boolean;
  eur: number | null;
  label: string;
}
export interface Flow {
  nodes: FlowNode[];
  links: FlowLink[];
  share: number | null;
  pay: number | null;
  clientPrice: number | null;
}

const eur = (x: number) => `€${x.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
const NOT_KNOWN = 'price not known';

/**
 * The chain from the client down to the pool: its hops (SUBCONTRACTS_FOR, `to` pays `from`) put in order from the
 * client, each party's margin (what it is paid less what it pays on) as a flow to "kept by …", and the pool's pay at
 * the end. An unknown price keeps the width of the flow above it (or 1 when none is known) and is marked, never guessed.
 */
export function flowOf(chain: ValueChain, names: ReadonlyMap<string, string>): Flow {
  const name = (id: string) => names.get(id) ?? id;
  // Order the hops from the client: the client is the `to` no hop starts from.
  const byTo = new Map(chain.hops.map((l) => [l.to, l]));
  const starts = new Set(chain.hops.map((l) => l.from));
  const ordered: typeof chain.hops = [];
  let at = chain.hops.find((l) => !starts.has(l.to))?.to;
  const client = at ?? null;
  while (at !== undefined && byTo.has(at) && ordered.length < chain.hops.length) {
    const hop = byTo.get(at)!;
    ordered.push(hop);
    at = hop.from;
  }
  const pool = chain.workerPool;
  const nodes: FlowNode[] = [];
  const links: FlowLink[] = [];
  const steps: { id: string; eur: number | null }[] = ordered.map((l) => ({
    id: l.from,
    eur: l.pricePerUnitEur ?? null,
  }));
  if (client) nodes.push({ id: client, name: name(client), role: 'client' });
  for (const s of steps) nodes.push({ id: s.id, name: name(s.id), role: 'intermediary' });
  nodes.push({ id: pool.id, name: pool.name, role: 'pool' });
  // What flows into each party, from the client's price down to the worker's pay.
  const flows = [...steps, { id: pool.id, eur: chain.workerPayPerUnitEur }];
  let width = 1;
  let previous: { id: string; eur: number | null } | null = client ? { id: client, eur: null } : null;
  for (const f of flows) {
    const known = f.eur !== null;
    if (known) width = f.eur!;
    if (previous) {
      // The party above keeps what it is paid less what it pays on, when both are known.
      if (previous.eur !== null && f.eur !== null && previous.eur > f.eur) {
        const kept = `kept:${previous.id}`;
        nodes.push({ id: kept, name: `kept by ${name(previous.id)}`, role: 'kept' });
        links.push({
          source: previous.id,
          target: kept,
          value: previous.eur - f.eur,
          known: true,
          eur: previous.eur - f.eur,
          label: `${eur(previous.eur - f.eur)} kept`,
        });
      }
      links.push({
        source: previous.id,
        target: f.id,
        value: width,
        known,
        eur: f.eur,
        label: known ? eur(f.eur!) : NOT_KNOWN,
      });
    }
    previous = f;
  }
  return {
    nodes,
    links,
    share: chain.workerShare,
    pay: chain.workerPayPerUnitEur,
    clientPrice: chain.clientPricePerUnitEur,
  };
}

const COLOURS: Record<FlowNode['role'], string> = {
  client: '#1f4e79',
  intermediary: '#7a5c00',
  pool: '#1b6e3a',
  kept: '#6b6b6b',
};

/** The flow laid out by d3-sankey as an SVG (presentation attributes only: the page's CSP refuses inline styles). */
export function flowSvg(flow: Flow, title: string, width = 720, height = 260): string {
  const graph = sankey<FlowNode, FlowLink>()
    .nodeId((n) => n.id)
    .nodeWidth(14)
    .nodePadding(18)
    .extent([
      [1, 24],
      [width - 170, height - 6],
    ])({
    nodes: flow.nodes.map((n) => ({ ...n })),
    links: flow.links.map((l) => ({ ...l })),
  } as SankeyGraph<FlowNode, FlowLink>);
  const path = sankeyLinkHorizontal();
  const links = graph.links
    .map((l) => {
      const d = path(l as never) ?? '';
      const stroke = l.known ? '#8fb3d9' : 'url(#hatch)';
      const dash = l.known ? '' : ' stroke-dasharray="6 4"';
      const target = l.target as unknown as FlowNode;
      const source = l.source as unknown as FlowNode;
      return (
        `<path d="${d}" fill="none" stroke="${stroke}" stroke-opacity="0.75" stroke-width="${Math.max(1, l.width ?? 1)}"${dash} data-known="${l.known}"><title>${h(source.name)} → ${h(target.name)}: ${h(l.label)}</title></path>` +
        (l.known ? '' : `<path d="${d}" fill="none" stroke="#8a1c1c" stroke-width="1.5" stroke-dasharray="6 4"/>`)
      );
    })
    .join('');
  const nodes = graph.nodes
    .map((n) => {
      const x0 = n.x0 ?? 0;
      const x1 = n.x1 ?? 0;
      const y0 = n.y0 ?? 0;
      const y1 = n.y1 ?? 0;
      const into = flow.links.find((l) => l.target === n.id);
      const figure = into
        ? ` (${into.label})`
        : flow.clientPrice !== null && n.role === 'client'
          ? ` (pays ${eur(flow.clientPrice)})`
          : '';
      return (
        `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${Math.max(1, y1 - y0)}" fill="${COLOURS[n.role]}"><title>${h(n.name)}</title></rect>` +
        `<text x="${x1 + 4}" y="${(y0 + y1) / 2}" dominant-baseline="middle" font-size="11" font-family="sans-serif" fill="#111">${h(n.name)}${h(figure)}</text>`
      );
    })
    .join('');
  const share =
    flow.share !== null
      ? `The workers get ${eur(flow.pay!)} of the ${eur(flow.clientPrice!)} the client pays per unit: ${(flow.share * 100).toLocaleString('en', { maximumFractionDigits: 1 })}% of its euro.`
      : "The worker's share is not known: a price on the chain, or the pay, is not known or is withheld.";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="money-flow" viewBox="0 0 ${width} ${height + 18}" width="${width}" height="${height + 18}" role="img" aria-label="${h(`${title}. ${share}`)}">` +
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3d6d6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a1c1c" stroke-width="2"/></pattern></defs>' +
    `<rect width="100%" height="100%" fill="#fff"/><text x="1" y="14" font-size="12" font-weight="bold" font-family="sans-serif" fill="#111">${h(title)}</text>` +
    links +
    nodes +
    `<text x="1" y="${height + 14}" font-size="11" font-family="sans-serif" fill="#111">${h(share)}</text></svg>`
  );
}

/** The same flow as a table: each step, from whom to whom, euros per unit or "price not known". */
export function flowTable(flow: Flow, title: string): string {
  const names = new Map(flow.nodes.map((n) => [n.id, n.name]));
  const rows = flow.links
    .map(
      (l) =>
        `<tr><td>${h(names.get(l.source) ?? l.source)}</td><td>${h(names.get(l.target) ?? l.target)}</td><td data-eur="${l.eur ?? ''}">${h(l.known ? (l.eur === null ? '' : eur(l.eur)) : NOT_KNOWN)}</td></tr>`,
    )
    .join('');
  return `<table class="money-flow-table"><caption>${h(title)}: euros per unit of work</caption><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Per unit</th></tr></thead><tbody>${rows}</tbody></table>`;
}
