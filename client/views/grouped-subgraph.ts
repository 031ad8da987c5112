// A grouped neighbourhood as a graph the explorer can draw, table and export like any other: each group one node named
// with its count, each group link one line saying how many links it stands for; and a group's members as the nodes its
// opening adds. Pure.
import type { GraphNode, GroupMembers, GroupedView, Link, Subgraph } from '../api/types.js';
import { linkWith } from '../ui/link-field-specs.js';

/**
 * Above this many visual items (nodes plus links) a cascade opens grouped. At the explorer's usual 1400×900 canvas a
 * node with a readable label takes about 120×30 px with its margin, so some 300 labels fill the canvas before they
 * overlap; and the issue's measure (4.3–6.4 s to draw 13,000–17,000 elements) puts 300 items far inside a quick drawing.
 */
export const GROUPED_THRESHOLD = 300;

/** The prefix of a group node's id: `group:worker-pool/KE`. */
export const GROUP_PREFIX = 'group:';

export const isGroupNode = (id: string): boolean => id.startsWith(GROUP_PREFIX);
export const groupIdOf = (nodeId: string): string => nodeId.slice(GROUP_PREFIX.length);

/** How many items the members' drawing would hold: every node and every link among them. */
export function visualItems(view: GroupedView): number {
  return view.groupedNodes + view.links.reduce((n, l) => n + l.links, 0);
}

const euros = (x: number) => `€${x.toLocaleString('en', { maximumFractionDigits: 4 })}`;

/** A group link as a link the details panel, tables and exports read like any other: no values of its own but its note. */
function blankLink(id: string, type: string, from: string, to: string, note: string | null): Link {
  return linkWith({ id, type, from, to, note });
}

/** What a group link says of its prices. */
export function priceNote(l: GroupedView['links'][number]): string {
  const parts = [`${l.links.toLocaleString('en')} link${l.links === 1 ? '' : 's'} between these groups`];
  if (l.priceMin !== null && l.priceMax !== null) {
    parts.push(
      `${l.priceMin === l.priceMax ? euros(l.priceMin) : `${euros(l.priceMin)}–${euros(l.priceMax)}`} per unit (${l.pricesKnown} price${l.pricesKnown === 1 ? '' : 's'} known)`,
    );
  }
  if (l.pricesWithheld > 0)
    parts.push(`${l.pricesWithheld} price${l.pricesWithheld === 1 ? '' : 's'} withheld (small groups of workers)`);
  return parts.join('; ');
}

/** The groups as nodes (the root group is the root itself) and their links as lines. */
export function groupsToSubgraph(view: GroupedView, rootId: string): Subgraph {
  const nodeId = (g: string) => (g === 'root' ? rootId : `${GROUP_PREFIX}${g}`);
  const nodes: GraphNode[] = view.groups.map((g) => ({
    id: nodeId(g.id),
    name: g.id === 'root' ? g.label : `${g.label} (${g.members.toLocaleString('en')})`,
    kind: g.kind,
    country: g.countries.length === 1 ? g.countries[0]! : null,
    taskKind: null,
    size: g.kind === 'worker-pool' ? g.workersKnown : null,
    sizeSuppressed: g.kind === 'worker-pool' && g.withheldPools === g.members,
  }));
  const edges = view.links.map((l) =>
    blankLink(`${GROUP_PREFIX}${l.type}:${l.from}->${l.to}`, l.type, nodeId(l.from), nodeId(l.to), priceNote(l)),
  );
  return { nodes, edges, truncated: view.truncated, edgesTruncated: false, totalNodes: view.totalNodes };
}

/** A group's members as the nodes its opening adds, each tied to the group by a PART_OF line. */
export function membersToSubgraph(groupNodeId: string, page: GroupMembers): Subgraph {
  return {
    nodes: page.nodes,
    edges: page.nodes.map((n) =>
      blankLink(
        `${GROUP_PREFIX}member:${n.id}->${groupNodeId}`,
        'PART_OF',
        n.id,
        groupNodeId,
        'a member of this group',
      ),
    ),
    truncated: page.pageInfo.hasNextPage,
    edgesTruncated: false,
    totalNodes: page.totalCount,
  };
}

/** A group's summary, for the details panel: what it holds and what it withholds, as plain sentences. */
export function groupSentences(g: GroupedView['groups'][number]): string[] {
  const out = [
    `${g.members.toLocaleString('en')} ${g.members === 1 ? 'entity' : 'entities'} of kind ${g.kind}, ${g.depthMin === g.depthMax ? `${g.depthMin} hop${g.depthMin === 1 ? '' : 's'}` : `${g.depthMin}–${g.depthMax} hops`} from the root.`,
  ];
  if (g.kind === 'worker-pool') {
    if (g.workersKnown !== null)
      out.push(
        `${g.workersKnown.toLocaleString('en')} workers in the pools whose size is known and shown (pools of ${g.sizeMin!.toLocaleString('en')} to ${g.sizeMax!.toLocaleString('en')}).`,
      );
    if (g.unknownSizes > 0) out.push(`${g.unknownSizes} pool${g.unknownSizes === 1 ? '' : 's'} of unknown size.`);
    if (g.withheldPools > 0)
      out.push(
        `${g.withheldPools} pool${g.withheldPools === 1 ? ' is a small group' : 's are small groups'} of workers: counted here, never in the figures.`,
      );
  }
  return out;
}
