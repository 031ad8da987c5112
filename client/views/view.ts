// What a view of the explorer is: how it loads, what it decorates, its title and its details. Each view is one module.
import type { Subgraph } from '../api/types.js';
import type { Decorations } from '../graph/to-elements.js';
import type { ViewState } from '../state/explorer-state.js';

export interface View<D = unknown> {
  /** The `view=` value in the URL. */
  id: string;
  /** Whether the depth, direction and node-limit controls apply to it. */
  usesDepth: boolean;
  /** Fetches what the view shows for `state` (one GraphQL request). */
  load(state: ViewState): Promise<D>;
  /** The graph to draw. */
  subgraph(data: D): Subgraph;
  /** Classes and notes on top of the graph (roles, the root, shares). */
  decorate(data: D, state: ViewState): Decorations;
  /** The view's title, as HTML with every API string escaped. */
  title(data: D, state: ViewState): string;
  /** What the details panel shows while nothing is selected (HTML), or null. */
  details(data: D): string | null;
}

/** Erases a view's data type so that views of different data sit in one list. */
export function defineView<D>(view: View<D>): View {
  return view as unknown as View;
}

/**
 * `{ asOf, recordedAt }` as far as the state has them; the API's defaults (today, the store as it is now) otherwise.
 * Every operation that takes `asOf` declares `$recordedAt` too, so the two times always travel together.
 */
export function timeVariables(state: { asOf: string | null; recordedAt?: string | null }): Record<string, string> {
  return {
    ...(state.asOf ? { asOf: state.asOf } : {}),
    ...(state.recordedAt ? { recordedAt: state.recordedAt } : {}),
  };
}
