// Whether a query asks for a nested field (through fragments too), so that a resolver fetches only what it is asked for. Pure.
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** True when the field being resolved selects `path` (e.g. ['edges', 'sources']); @skip/@include count as selected. */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  const walk = (set: SelectionSetNode | undefined, depth: number): boolean => {
    if (!set) return false;
    return set.selections.some((s) => {
      if (s.kind === 'Field')
        return s.name.value === path[depth] && (depth === path.length - 1 || walk(s.selectionSet, depth + 1));
      if (s.kind === 'InlineFragment') return walk(s.selectionSet, depth);
      const fragment = info.fragments[s.name.value];
      return fragment ? walk(fragment.selectionSet, depth) : false;
    });
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet, 0));
}
