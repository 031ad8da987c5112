// The graph on screen for a state: the view's base graph, each expansion, and the highlight. Assembly is pure; loading is cached per view.
import { graphql } from '../api/graphql-client.js';
import { CASCADE, CASCADE_GROUP_MEMBERS } from '../api/operations.js';
import type { GroupMembers, Subgraph } from '../api/types.js';
import { groupIdOf, isGroupNode, membersToSubgraph } from './grouped-subgraph.js';
import { mergeSubgraphs, type Decorations } from '../graph/to-elements.js';
import { loadKey, type ViewState } from '../state/explorer-state.js';
import { loadHighlight, type LoadedHighlight } from './highlights.js';
import { viewOf } from './index.js';
import { timeVariables, type View } from './view.js';

export interface Scene {
  subgraph: Subgraph;
  decorations: Decorations;
  /** HTML. */
  title: string;
  /** What the details panel shows while nothing is selected (HTML), or null. */
  viewDetails: string | null;
  /** What the view loaded (a panel may read more of it than the graph shows: a grouped cascade's groups). */
  viewData?: unknown;
  /** For each expanded node, the nodes its expansion added (what collapsing it takes away). */
  added: Record<string, string[]>;
  highlight: LoadedHighlight | null;
}

export const EMPTY_SCENE: Scene = {
  subgraph: { nodes: [], edges: [], truncated: false, edgesTruncated: false },
  decorations: {},
  title: 'Nothing open yet.',
  viewDetails: null,
  added: {},
  highlight: null,
};

/** Puts a scene together from what was fetched. Pure. */
export function assembleScene(
  base: { subgraph: Subgraph; decorations: Decorations; title: string; viewDetails: string | null; viewData?: unknown },
  expansions: [string, Subgraph][],
  highlight: LoadedHighlight | null,
): Scene {
  let subgraph = base.subgraph;
  const added: Record<string, string[]> = {};
  for (const [id, around] of expansions) {
    const known = new Set(subgraph.nodes.map((n) => n.id));
    added[id] = around.nodes.filter((n) => !known.has(n.id)).map((n) => n.id);
    subgraph = mergeSubgraphs(subgraph, around);
  }
  if (highlight?.add) subgraph = mergeSubgraphs(subgraph, highlight.add);
  return { ...base, subgraph, added, highlight };
}

export interface SceneFetchers {
  view(view: View, state: ViewState): Promise<unknown>;
  expansion(id: string, state: ViewState): Promise<Subgraph>;
  highlight: typeof loadHighlight;
}

const fetchFromApi: SceneFetchers = {
  view: (view, state) => view.load(state),
  async expansion(id, state) {
    // Opening a group adds its first members (the details panel searches among the others).
    if (isGroupNode(id)) return membersToSubgraph(id, await groupMembers(state, groupIdOf(id), null));
    const { cascade } = await graphql<{ cascade: Subgraph }>(CASCADE, {
      id,
      direction: 'BOTH',
      maxDepth: 1,
      limit: state.limit,
      ...timeVariables(state),
    });
    return cascade;
  },
  highlight: loadHighlight,
};

/** How many members opening a group adds. */
export const GROUP_PAGE = 100;

/** One page of a group of the cascade `state` shows, those whose name holds `nameContains` when given. */
export async function groupMembers(
  state: ViewState,
  group: string,
  nameContains: string | null,
): Promise<GroupMembers> {
  const { cascadeGroupMembers } = await graphql<{ cascadeGroupMembers: GroupMembers }>(CASCADE_GROUP_MEMBERS, {
    id: state.root,
    direction: state.direction,
    maxDepth: state.depth,
    limit: state.limit,
    group,
    nameContains,
    first: GROUP_PAGE,
    ...timeVariables(state),
  });
  return cascadeGroupMembers;
}

/**
 * A loader that fetches each part once per base view: expanding, collapsing or highlighting again costs no request
 * for what is already known. The cache holds one base view's answers at a time.
 */
export function createSceneLoader(fetchers: SceneFetchers = fetchFromApi): (state: ViewState) => Promise<Scene> {
  let cacheKey = '';
  let cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) {
      const p = fetch();
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return cache.get(key) as Promise<T>;
  };
  return async (state) => {
    if (!state.root) return EMPTY_SCENE;
    if (loadKey(state) !== cacheKey) {
      cacheKey = loadKey(state);
      cache = new Map();
    }
    const view = viewOf(state.view);
    const [data, expansions, highlight] = await Promise.all([
      once('view', () => fetchers.view(view, state)),
      Promise.all(
        state.expansions.map(
          async (id) => [id, await once(`exp:${id}`, () => fetchers.expansion(id, state))] as [string, Subgraph],
        ),
      ),
      state.highlight
        ? once(`hl:${JSON.stringify(state.highlight)}`, () => fetchers.highlight(state.highlight!, state))
        : Promise.resolve(null),
    ]);
    return assembleScene(
      {
        subgraph: view.subgraph(data),
        decorations: view.decorate(data, state),
        title: view.title(data, state),
        viewDetails: view.details(data),
        viewData: data,
      },
      expansions,
      highlight,
    );
  };
}
