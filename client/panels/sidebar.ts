// The sidebar: view options (depth, limit, direction), filters by link type, organisation kind and country, and the legend.
import type { Subgraph } from '../api/types.js';
import { KIND_LOOK, LINK_LOOK, LINK_TYPES_SHOWN, ORG_KINDS, linkLook, kindLook } from '../graph/roles.js';
import type { Action, Direction, ViewState } from '../state/explorer-state.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { kindSample, linkSample } from '../ui/legend-samples.js';
import type { View } from '../views/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function checkboxes(values: readonly string[], label: (v: string) => string, name: string): string {
  return values
    .map((v) => `<label><input type="checkbox" name="${name}" value="${h(v)}" checked> ${h(label(v))}</label>`)
    .join('');
}

/** The legend's items: every kind and link type the vocabulary has. Pure. */
export function legendHtml(): string {
  return [
    ...Object.entries(KIND_LOOK).map(([kind, k]) => `<li data-kind="${h(kind)}">${kindSample(k)}${h(k.label)}</li>`),
    ...Object.entries(LINK_LOOK).map(
      ([type, l]) => `<li data-link-type="${h(type)}">${linkSample(l)}${h(l.label)}</li>`,
    ),
  ].join('');
}

export interface Sidebar {
  /** Shows `state` in the controls, and the countries of the graph on screen. */
  sync(state: ViewState, view: View, subgraph: Subgraph): void;
}

export function mountSidebar(dispatch: (action: Action) => void): Sidebar {
  const sidebar = $('sidebar');
  $('type-filters').innerHTML = checkboxes(LINK_TYPES_SHOWN, (t) => linkLook(t).label, 'type');
  $('kind-filters').innerHTML = checkboxes(ORG_KINDS, (k) => kindLook(k).label, 'kind');
  $('legend').innerHTML = legendHtml();

  sidebar.addEventListener('change', (ev) => {
    const input = ev.target as HTMLInputElement;
    const hidden = (name: string) =>
      [...sidebar.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .filter((i) => !i.checked)
        .map((i) => i.value);
    if (input.name === 'type' || input.name === 'kind' || input.name === 'country') {
      dispatch({
        type: 'set-filters',
        filters: { hiddenTypes: hidden('type'), hiddenKinds: hidden('kind'), hiddenCountries: hidden('country') },
      });
    } else if (input.id === 'depth' || input.id === 'direction' || input.id === 'limit') {
      dispatch({
        type: 'set-options',
        depth: Number($<HTMLSelectElement>('depth').value),
        limit: Number($<HTMLSelectElement>('limit').value),
        direction: $<HTMLSelectElement>('direction').value as Direction,
      });
    }
  });

  return {
    sync(state, view, subgraph) {
      $<HTMLSelectElement>('depth').value = String(state.depth);
      $<HTMLSelectElement>('limit').value = String(state.limit);
      $<HTMLSelectElement>('direction').value = state.direction;
      for (const id of ['depth', 'limit', 'direction']) $<HTMLSelectElement>(id).disabled = !view.usesDepth;
      sidebar.querySelectorAll<HTMLInputElement>('#type-filters input').forEach((i) => {
        i.checked = !state.hiddenTypes.includes(i.value);
      });
      sidebar.querySelectorAll<HTMLInputElement>('#kind-filters input').forEach((i) => {
        i.checked = !state.hiddenKinds.includes(i.value);
      });
      const countries = [
        ...new Set([
          ...subgraph.nodes.map((n) => n.country).filter((c): c is string => Boolean(c)),
          ...state.hiddenCountries,
        ]),
      ].sort();
      const box = $('country-filters');
      if (countries.length === 0) box.textContent = '—';
      else
        box.innerHTML = countries
          .map(
            (c) =>
              `<label><input type="checkbox" name="country" value="${h(c)}" ${state.hiddenCountries.includes(c) ? '' : 'checked'}> ${h(c)}</label>`,
          )
          .join('');
    },
  };
}
