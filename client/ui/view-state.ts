// What the URL holds: the view people share. Pure encode and decode; unknown values fall back to defaults.
import type { Filters } from '../graph/to-elements.js';

export type ViewMode = 'cascade' | 'provenance';
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

export interface ViewState extends Filters {
  root: string | null;
  mode: ViewMode;
  depth: number;
  direction: Direction;
  /** YYYY-MM-DD, or null for today. */
  asOf: string | null;
  selected: string | null;
  /** At most this many nodes in a cascade view. */
  limit: number;
}

export const LIMITS = [500, 2000, 5000] as const;

export const DEFAULT_STATE: ViewState = {
  root: null, mode: 'cascade', depth: 2, direction: 'BOTH', asOf: null, selected: null, limit: 500,
  hiddenTypes: [], hiddenKinds: [], hiddenCountries: [],
};

const list = (v: string | null) => (v ? v.split(',').filter((x) => x !== '') : []);

export function decodeState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const depth = Number(p.get('depth'));
  const direction = p.get('dir');
  const asOf = p.get('asOf');
  return {
    root: p.get('root'),
    mode: p.get('view') === 'provenance' ? 'provenance' : 'cascade',
    depth: Number.isInteger(depth) && depth >= 1 && depth <= 6 ? depth : DEFAULT_STATE.depth,
    direction: direction === 'OUTGOING' || direction === 'INCOMING' ? direction : 'BOTH',
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    selected: p.get('sel'),
    limit: (LIMITS as readonly number[]).includes(Number(p.get('limit'))) ? Number(p.get('limit')) : DEFAULT_STATE.limit,
    hiddenTypes: list(p.get('hideTypes')),
    hiddenKinds: list(p.get('hideKinds')),
    hiddenCountries: list(p.get('hideCountries')),
  };
}

export function encodeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.root) p.set('root', state.root);
  if (state.mode !== 'cascade') p.set('view', state.mode);
  if (state.depth !== DEFAULT_STATE.depth) p.set('depth', String(state.depth));
  if (state.direction !== 'BOTH') p.set('dir', state.direction);
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.limit !== DEFAULT_STATE.limit) p.set('limit', String(state.limit));
  if (state.hiddenTypes.length) p.set('hideTypes', state.hiddenTypes.join(','));
  if (state.hiddenKinds.length) p.set('hideKinds', state.hiddenKinds.join(','));
  if (state.hiddenCountries.length) p.set('hideCountries', state.hiddenCountries.join(','));
  if (state.selected) p.set('sel', state.selected);
  const s = p.toString();
  return s ? `?${s}` : '';
}
