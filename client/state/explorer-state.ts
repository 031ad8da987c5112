// Everything a view is, and the pure transitions that change it. The URL and the screen are projections of this.
import type { Filters } from '../graph/to-elements.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** What is highlighted on top of the view: the evidence of a verdict or indicator, or the answer to a question about a node. */
export type Highlight =
  | { kind: 'claim'; id: string }
  | { kind: 'indicator'; organization: string; id: string }
  | { kind: 'who-works-for'; id: string }
  | { kind: 'workforce'; id: string };

export interface ViewState extends Filters {
  root: string | null;
  /** The other end, for views between two entities (connections). */
  to: string | null;
  /** The id of a registered view (client/views/index.ts): cascade, provenance, … */
  view: string;
  depth: number;
  direction: Direction;
  /** YYYY-MM-DD, or null for today. */
  asOf: string | null;
  /** The moment whose store is shown (ISO date-time, UTC): later imports, edits and removals left out; null for now. */
  recordedAt: string | null;
  /** At most this many nodes in a cascade view. */
  limit: number;
  /** Nodes whose neighbours were added, in the order they were expanded. */
  expansions: string[];
  selected: string | null;
  highlight: Highlight | null;
  /** How the view is presented: as a graph, or as tables of its entities and links (same data, same filters). */
  presentation: Presentation;
  /** A large cascade opens grouped ('auto', above GROUPED_THRESHOLD items); 'off' draws every member whatever the size. */
  grouping: Grouping;
}

export type Grouping = 'auto' | 'off';

export type Presentation = 'graph' | 'table';

export const LIMITS = [500, 2000, 5000] as const;
export const DEPTHS = [1, 2, 3, 4, 5, 6] as const;

export const DEFAULT_STATE: ViewState = {
  root: null,
  to: null,
  view: 'cascade',
  depth: 2,
  direction: 'BOTH',
  asOf: null,
  recordedAt: null,
  limit: 500,
  hiddenTypes: [],
  hiddenKinds: [],
  hiddenCountries: [],
  expansions: [],
  selected: null,
  highlight: null,
  presentation: 'graph',
  grouping: 'auto',
};

export type Action =
  | { type: 'open'; view: string; root: string; to?: string }
  | { type: 'set-options'; depth?: number; direction?: Direction; limit?: number; grouping?: Grouping }
  | { type: 'set-date'; asOf: string | null }
  | { type: 'set-recorded-at'; recordedAt: string | null }
  | { type: 'set-filters'; filters: Partial<Filters> }
  | { type: 'select'; id: string }
  | { type: 'clear-selection' }
  | { type: 'toggle-expansion'; id: string }
  | { type: 'highlight'; highlight: Highlight }
  | { type: 'present'; as: Presentation }
  | { type: 'restore'; state: ViewState };

/** The next state; never mutates `state`. A change of what is loaded drops expansions and highlights, as they belonged to the old graph. */
export function transition(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'open':
      return {
        ...state,
        view: action.view,
        root: action.root,
        to: action.to ?? null,
        selected: null,
        expansions: [],
        highlight: null,
      };
    case 'set-options': {
      const next = {
        ...state,
        ...(action.depth !== undefined && (DEPTHS as readonly number[]).includes(action.depth)
          ? { depth: action.depth }
          : {}),
        ...(action.direction ? { direction: action.direction } : {}),
        ...(action.grouping ? { grouping: action.grouping } : {}),
        ...(action.limit !== undefined && (LIMITS as readonly number[]).includes(action.limit)
          ? { limit: action.limit }
          : {}),
      };
      return sameLoad(state, next) ? state : { ...next, expansions: [], highlight: null };
    }
    case 'set-date':
      return state.asOf === action.asOf ? state : { ...state, asOf: action.asOf, expansions: [], highlight: null };
    case 'set-recorded-at':
      return state.recordedAt === action.recordedAt
        ? state
        : { ...state, recordedAt: action.recordedAt, expansions: [], highlight: null };
    case 'set-filters':
      return { ...state, ...action.filters };
    case 'select':
      return { ...state, selected: action.id };
    case 'clear-selection':
      return { ...state, selected: null, highlight: null };
    case 'toggle-expansion':
      return state.expansions.includes(action.id)
        ? { ...state, expansions: state.expansions.filter((id) => id !== action.id) }
        : { ...state, expansions: [...state.expansions, action.id] };
    case 'highlight':
      return { ...state, highlight: action.highlight };
    case 'present':
      return state.presentation === action.as ? state : { ...state, presentation: action.as };
    case 'restore':
      return action.state;
  }
}

/** What decides the base graph of a view: two states with the same key show the same base graph. */
export function loadKey(s: ViewState): string {
  return JSON.stringify([s.view, s.root, s.to, s.depth, s.direction, s.asOf, s.recordedAt, s.limit, s.grouping]);
}

/** What decides the whole graph on screen: the base graph, its expansions and its highlight. */
export function sceneKey(s: ViewState): string {
  return JSON.stringify([loadKey(s), s.expansions, s.highlight]);
}

function sameLoad(a: ViewState, b: ViewState): boolean {
  return loadKey(a) === loadKey(b);
}

/** What a tap on the canvas asks for: a tap selects a node or a link (the background clears), a double tap opens a node. */
export function canvasActions(dispatch: (a: Action) => void) {
  return {
    tapNode: (id: string) => dispatch({ type: 'select', id }),
    tapEdge: (id: string) => dispatch({ type: 'select', id }),
    tapBackground: () => dispatch({ type: 'clear-selection' }),
    doubleTapNode: (id: string) => dispatch({ type: 'toggle-expansion', id }),
  };
}
