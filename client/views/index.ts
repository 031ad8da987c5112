// Every view of the explorer, listed once: adding a view is one module and one line here.
import { cascadeView } from './cascade-view.js';
import { connectionsView } from './connections-view.js';
import { moneyFlowView } from './money-flow-view.js';
import { provenanceView } from './provenance-view.js';
import type { View } from './view.js';

export const VIEWS: readonly View[] = [cascadeView, provenanceView, connectionsView, moneyFlowView];

export const VIEW_IDS = VIEWS.map((v) => v.id);

/** The view with this id; the first (cascade) for an id no view has. */
export function viewOf(id: string): View {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}

export type { View } from './view.js';
