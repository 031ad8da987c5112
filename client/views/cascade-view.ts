// The cascade view: the neighbourhood of any entity, in columns by role.
import { graphql } from '../api/graphql-client.js';
import { CASCADE } from '../api/operations.js';
import type { Subgraph } from '../api/types.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { asOfVariable, defineView } from './view.js';

export const cascadeView = defineView<Subgraph>({
  id: 'cascade',
  usesDepth: true,
  async load(state) {
    const data = await graphql<{ cascade: Subgraph }>(CASCADE, {
      id: state.root, direction: state.direction, maxDepth: state.depth, limit: state.limit, ...asOfVariable(state),
    });
    return data.cascade;
  },
  subgraph: (data) => data,
  decorate: (_data, state) => (state.root ? { keep: state.root, nodeClasses: { [state.root]: ['root'] } } : {}),
  title(data, state) {
    const root = data.nodes.find((n) => n.id === state.root);
    return `Around <strong>${h(root?.name ?? state.root)}</strong>, ${state.depth} hop${state.depth === 1 ? '' : 's'}`;
  },
  details: () => null,
});
