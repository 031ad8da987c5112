// The cascade view: the neighbourhood of any entity, in columns by role; above GROUPED_THRESHOLD items it opens grouped.
import { graphql } from '../api/graphql-client.js';
import { CASCADE, CASCADE_GROUPS } from '../api/operations.js';
import type { GroupedView, Subgraph } from '../api/types.js';
import type { ViewState } from '../state/explorer-state.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { GROUPED_THRESHOLD, groupsToSubgraph, visualItems } from './grouped-subgraph.js';
import { timeVariables, defineView } from './view.js';

/** The members, or the groups when drawing the members would be unreadable. */
export interface CascadeData {
  members: Subgraph | null;
  grouped: GroupedView | null;
  subgraph: Subgraph;
}

const variables = (state: ViewState) => ({
  id: state.root,
  direction: state.direction,
  maxDepth: state.depth,
  limit: state.limit,
  ...timeVariables(state),
});

export const cascadeView = defineView<CascadeData>({
  id: 'cascade',
  usesDepth: true,
  async load(state) {
    // The groups first (counts, not members): only a view small enough to read is then fetched member by member.
    if (state.grouping !== 'off') {
      const { cascadeGroups } = await graphql<{ cascadeGroups: GroupedView }>(CASCADE_GROUPS, variables(state));
      if (visualItems(cascadeGroups) > GROUPED_THRESHOLD)
        return { members: null, grouped: cascadeGroups, subgraph: groupsToSubgraph(cascadeGroups, state.root ?? '') };
    }
    const data = await graphql<{ cascade: Subgraph }>(CASCADE, variables(state));
    return { members: data.cascade, grouped: null, subgraph: data.cascade };
  },
  subgraph: (data) => data.subgraph,
  decorate: (_data, state) => (state.root ? { keep: state.root, nodeClasses: { [state.root]: ['root'] } } : {}),
  title(data, state) {
    const root = data.subgraph.nodes.find((n) => n.id === state.root);
    const around = `Around <strong>${h(root?.name ?? state.root)}</strong>, ${state.depth} hop${state.depth === 1 ? '' : 's'}`;
    if (!data.grouped) return around;
    return `${around}, grouped: ${data.grouped.groupedNodes.toLocaleString('en')} entities in ${data.grouped.groups.length} groups`;
  },
  details(data) {
    if (!data.grouped) return null;
    return `<p>This neighbourhood holds ${visualItems(data.grouped).toLocaleString('en')} entities and links, too many to read as one picture
      (more than ${GROUPED_THRESHOLD}): it is shown as groups, worker pools by country and the other entities by kind and depth, each with its count.</p>
      <p>Open a group with a double-click (or + on the keyboard, − to close it); select a group to read it, open it or search inside it; or see the groups as tables.</p>
      <p><button type="button" data-action="ungroup">Draw every member anyway</button></p>`;
  },
});
