// The details panel: what is selected (an entity with its claims and scorecard, or a link), else the view's summary; then what is highlighted.
import { graphql } from '../api/graphql-client.js';
import { ENTITY } from '../api/operations.js';
import type { Entity, Link } from '../api/types.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import { showAuditPanel } from './audit-panel.js';
import { entityHtml, linkHtml } from '../ui/details-panel.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import type { Scene } from '../views/scene.js';
import { explain } from './status-line.js';

const PLACEHOLDER = '<p class="muted">Select a node or a line to see what it is and where it comes from.</p>';

export interface DetailsPanel {
  /** Shows the details for `state` on `scene`; fetches an entity only when the selection or the date changed. */
  show(state: ViewState, scene: Scene): void;
  /** Forgets what it showed, so that the next `show` fetches again (after the evidence changed). */
  forget(): void;
}

export function mountDetailsPanel(el: HTMLElement, dispatch: (a: Action) => void, current: () => ViewState): DetailsPanel {
  el.innerHTML = '<div id="selection-details"></div><div id="note-tools"></div><div id="record-tools"></div><div id="highlight-details"></div>';
  const selection = el.querySelector<HTMLElement>('#selection-details')!;
  const extra = el.querySelector<HTMLElement>('#highlight-details')!;
  let shownKey = '';

  el.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest('button[data-action]') as HTMLButtonElement | null;
    if (!button) return;
    const id = button.dataset.id ?? '';
    switch (button.dataset.action) {
      case 'center': dispatch({ type: 'open', view: 'cascade', root: id }); break;
      case 'provenance': dispatch({ type: 'open', view: 'provenance', root: id }); break;
      case 'who': dispatch({ type: 'highlight', highlight: { kind: 'who-works-for', id } }); break;
      case 'workforce': dispatch({ type: 'highlight', highlight: { kind: 'workforce', id } }); break;
      case 'connect': dispatch({ type: 'open', view: 'connections', root: button.dataset.root ?? '', to: id }); break;
      case 'evidence': dispatch({ type: 'highlight', highlight: { kind: 'claim', id: button.dataset.claim ?? '' } }); break;
      case 'indicator': dispatch({ type: 'highlight', highlight: { kind: 'indicator', organization: button.dataset.organization ?? '', id: button.dataset.indicator ?? '' } }); break;
    }
  });

  /** Still the answer people wait for? A slower answer for an earlier selection must not overwrite a newer one. */
  const stillWanted = (id: string, asOf: string | null) => current().selected === id && current().asOf === asOf;

  async function showEntity(id: string, asOf: string | null, connectTo: { id: string; name: string } | null): Promise<void> {
    try {
      const { entity } = await graphql<{ entity: Entity | null }>(ENTITY, { id });
      if (!stillWanted(id, asOf)) return;
      selection.innerHTML = entity ? entityHtml(entity, connectTo) : `<p>No entity has id ${h(id)}.</p>`;
      if (entity && (entity.__typename === 'Organization' || entity.__typename === 'AIProduct')) {
        await showAuditPanel(selection, entity, asOf, () => stillWanted(id, asOf));
      }
    } catch (error) {
      if (stillWanted(id, asOf)) selection.innerHTML = `<p class="no-source">${explain(error)}</p>`;
    }
  }

  return {
    forget() { shownKey = ''; },
    show(state, scene) {
      extra.innerHTML = scene.highlight?.details ?? '';
      const id = state.selected;
      const link = id ? (scene.subgraph.edges.find((e) => e.id === id) as Link | undefined) : undefined;
      if (!id) { shownKey = ''; selection.innerHTML = scene.viewDetails ?? PLACEHOLDER; return; }
      if (link) {
        shownKey = '';
        const names = new Map(scene.subgraph.nodes.map((n) => [n.id, n.name]));
        selection.innerHTML = linkHtml(link, (x) => names.get(x) ?? x);
        return;
      }
      const key = JSON.stringify([id, state.asOf]);
      if (key === shownKey) return;
      shownKey = key;
      const root = state.view !== 'connections' && state.root ? scene.subgraph.nodes.find((n) => n.id === state.root) : undefined;
      void showEntity(id, state.asOf, root ? { id: root.id, name: root.name } : null);
    },
  };
}
