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

/**
 * True when the field being resolved selects, under `path` (e.g. ['edges']), nothing but the fields in `only` (and
 * `__typename`): a resolver may then leave every other field out of its query. A `@skip`/`@include` field counts as
 * selected; a field under `path` with a selection of its own (a list of objects) is never in `only`.
 */
export function selectsOnly(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  path: readonly string[],
  only: readonly string[],
): boolean {
  const allowed = new Set([...only, '__typename']);
  const within = (set: SelectionSetNode | undefined): boolean =>
    !set ||
    set.selections.every((s) => {
      if (s.kind === 'Field') return allowed.has(s.name.value) && !s.selectionSet;
      if (s.kind === 'InlineFragment') return within(s.selectionSet);
      const fragment = info.fragments[s.name.value];
      return fragment ? within(fragment.selectionSet) : false;
    });
  const walk = (set: SelectionSetNode | undefined, depth: number): boolean => {
    if (!set) return true;
    return set.selections.every((s) => {
      if (s.kind === 'Field') {
        if (s.name.value !== path[depth]) return true;
        return depth === path.length - 1 ? within(s.selectionSet) : walk(s.selectionSet, depth + 1);
      }
      if (s.kind === 'InlineFragment') return walk(s.selectionSet, depth);
      const fragment = info.fragments[s.name.value];
      return fragment ? walk(fragment.selectionSet, depth) : false;
    });
  };
  return info.fieldNodes.every((node) => walk(node.selectionSet, 0));
}
