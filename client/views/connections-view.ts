// The connections view: every shortest chain between two entities, the weakest step of each marked.
import { graphql } from '../api/graphql-client.js';
import type { ConnectionsQuery } from '../api/generated-operations.js';
import { CONNECTIONS } from '../api/operations.js';
import type { Subgraph } from '../api/types.js';
import type { Decorations } from '../graph/to-elements.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { linkSentence } from '../../vocabulary/index.js';
import { timeVariables, defineView } from './view.js';

type Connections = ConnectionsQuery['connections'];

/** The paths as one graph to draw. Pure. */
export function connectionsSubgraph(c: Connections): Subgraph {
  const edges = new Map(c.paths.flatMap((p) => p.steps.map((s) => [s.link.id, s.link] as const)));
  return { nodes: c.nodes, edges: [...edges.values()], truncated: c.truncated, edgesTruncated: false };
}

/** Both ends ringed as roots, the weakest step of each path marked. Pure. */
export function connectionsDecorations(c: Connections, from: string | null, to: string | null): Decorations {
  const nodeClasses: Record<string, string[]> = {};
  for (const id of [from, to]) if (id) nodeClasses[id] = ['root'];
  const edgeClasses: Record<string, string[]> = {};
  for (const p of c.paths) if (p.weakest) edgeClasses[p.weakest.link.id] = ['weakest'];
  return { ...(from ? { keep: from } : {}), nodeClasses, edgeClasses };
}

/** Each path read as sentences, with its weakest step named. Pure. */
export function connectionsHtml(c: Connections, fromName: string, toName: string): string {
  if (c.paths.length === 0)
    return `<h2>Not connected</h2><p class="muted">No chain of links joins ${h(fromName)} and ${h(toName)} within this depth at this date. Try a larger depth or another date.</p>`;
  const name = new Map(c.nodes.map((n) => [n.id, n.name]));
  const items = c.paths
    .map(
      (
        p,
      ) => `<li>${p.steps.map((s) => h(linkSentence(s.link.type, name.get(s.link.from) ?? s.link.from, name.get(s.link.to) ?? s.link.to))).join('; ')}
    ${p.weakest ? `<br><span class="small no-source">Check first: ${h(p.weakest.link.id)}${p.steps.find((s) => s.link.id === p.weakest!.link.id)?.link.sources.length ? ' (a reading)' : ' (no source)'}</span>` : ''}</li>`,
    )
    .join('');
  return `<h2>How ${h(fromName)} is connected to ${h(toName)}</h2>
    <p>${c.paths.length} shortest chain${c.paths.length === 1 ? '' : 's'} of ${c.paths[0]!.length} link${c.paths[0]!.length === 1 ? '' : 's'}${c.truncated ? ' (more exist: only the first are shown)' : ''}.</p><ol>${items}</ol>`;
}

export const connectionsView = defineView<Connections>({
  id: 'connections',
  usesDepth: true,
  async load(state) {
    const data = await graphql<ConnectionsQuery>(CONNECTIONS, {
      id: state.root,
      to: state.to,
      maxDepth: Math.max(state.depth, 6),
      ...timeVariables(state),
    });
    return data.connections;
  },
  subgraph: connectionsSubgraph,
  decorate: (data, state) => connectionsDecorations(data, state.root, state.to),
  title(data, state) {
    const name = (id: string | null) => data.nodes.find((n) => n.id === id)?.name ?? id ?? '';
    return `How <strong>${h(name(state.root))}</strong> is connected to <strong>${h(name(state.to))}</strong>`;
  },
  details(data) {
    const ends = data.paths[0]?.steps ?? [];
    const name = (id: string) => data.nodes.find((n) => n.id === id)?.name ?? id;
    const first = ends[0] ? (ends[0].along ? ends[0].link.from : ends[0].link.to) : '';
    const lastStep = ends.at(-1);
    const last = lastStep ? (lastStep.along ? lastStep.link.to : lastStep.link.from) : '';
    return connectionsHtml(data, name(first), name(last));
  },
});
