// The URL as a projection of the explorer's state: pure encode and decode; unknown values fall back to defaults.
import { isMoment } from '../../vocabulary/dates.js';
import { DEFAULT_STATE, DEPTHS, LIMITS, type Highlight, type ViewState } from './explorer-state.js';

const list = (v: string | null) => (v ? v.split(',').filter((x) => x !== '') : []);

/** `views`: the ids of the registered views; any other `view=` falls back to the default. */
export function decodeState(
  search: string,
  views: readonly string[] = ['cascade', 'provenance', 'connections'],
): ViewState {
  const p = new URLSearchParams(search);
  const depth = Number(p.get('depth'));
  const direction = p.get('dir');
  const asOf = p.get('asOf');
  const recordedAt = p.get('recordedAt');
  const view = p.get('view');
  return {
    root: p.get('root'),
    to: p.get('to'),
    view: view && views.includes(view) ? view : DEFAULT_STATE.view,
    depth: (DEPTHS as readonly number[]).includes(depth) ? depth : DEFAULT_STATE.depth,
    direction: direction === 'OUTGOING' || direction === 'INCOMING' ? direction : 'BOTH',
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    // A moment as the API takes it, kept as UTC text so that a link reads the same everywhere.
    recordedAt: recordedAt && isMoment(recordedAt) ? new Date(Date.parse(recordedAt)).toISOString() : null,
    limit: (LIMITS as readonly number[]).includes(Number(p.get('limit')))
      ? Number(p.get('limit'))
      : DEFAULT_STATE.limit,
    hiddenTypes: list(p.get('hideTypes')),
    hiddenKinds: list(p.get('hideKinds')),
    hiddenCountries: list(p.get('hideCountries')),
    // Ids may hold commas (link ids do not, entity ids rarely): expansions are repeated parameters.
    expansions: p.getAll('exp').filter((x) => x !== ''),
    selected: p.get('sel'),
    highlight: decodeHighlight(p.get('hl')),
    presentation: p.get('as') === 'table' ? 'table' : 'graph',
    grouping: p.get('groups') === 'off' ? 'off' : 'auto',
  };
}

export function encodeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.root) p.set('root', state.root);
  if (state.to) p.set('to', state.to);
  if (state.view !== DEFAULT_STATE.view) p.set('view', state.view);
  if (state.depth !== DEFAULT_STATE.depth) p.set('depth', String(state.depth));
  if (state.direction !== 'BOTH') p.set('dir', state.direction);
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.recordedAt) p.set('recordedAt', state.recordedAt);
  if (state.limit !== DEFAULT_STATE.limit) p.set('limit', String(state.limit));
  if (state.hiddenTypes.length) p.set('hideTypes', state.hiddenTypes.join(','));
  if (state.hiddenKinds.length) p.set('hideKinds', state.hiddenKinds.join(','));
  if (state.hiddenCountries.length) p.set('hideCountries', state.hiddenCountries.join(','));
  for (const id of state.expansions) p.append('exp', id);
  if (state.selected) p.set('sel', state.selected);
  if (state.highlight) p.set('hl', encodeHighlight(state.highlight));
  if (state.presentation === 'table') p.set('as', 'table');
  if (state.grouping === 'off') p.set('groups', 'off');
  const s = p.toString();
  return s ? `?${s}` : '';
}

function encodeHighlight(h: Highlight): string {
  return h.kind === 'indicator' ? `indicator:${h.organization}:${h.id}` : `${h.kind}:${h.id}`;
}

function decodeHighlight(raw: string | null): Highlight | null {
  if (!raw) return null;
  const colon = raw.indexOf(':');
  if (colon < 1) return null;
  const kind = raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  if (rest === '') return null;
  if (kind === 'claim' || kind === 'who-works-for' || kind === 'workforce') return { kind, id: rest };
  if (kind === 'indicator') {
    // Indicator ids are fixed words without colons; the organisation id is everything before the last colon.
    const last = rest.lastIndexOf(':');
    return last > 0 && last < rest.length - 1
      ? { kind, organization: rest.slice(0, last), id: rest.slice(last + 1) }
      : null;
  }
  return null;
}
