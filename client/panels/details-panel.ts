// The details panel: what is selected (an entity with its claims and scorecard, or a link), else the view's summary; then what is highlighted.
import { graphql } from '../api/graphql-client.js';
import { ENTITY } from '../api/operations.js';
import type { Entity, Link } from '../api/types.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import { showAuditPanel } from './audit-panel.js';
import { entityHtml, linkHtml } from '../ui/details-panel.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { groupMembers, type Scene } from '../views/scene.js';
import { groupIdOf, groupSentences, isGroupNode } from '../views/grouped-subgraph.js';
import type { CascadeData } from '../views/cascade-view.js';
import { explain } from './status-line.js';
import { download } from './download.js';
import { latestAnswerFor } from '../state/latest-answer.js';
import { momentInWords } from '../../vocabulary/dates.js';

/** The two times a panel's answers are read at: the links' date and the store's moment. */
type Times = { asOf: string | null; recordedAt: string | null };

const PLACEHOLDER = '<p class="muted">Select a node or a line to see what it is and where it comes from.</p>';

export interface DetailsPanel {
  /** Shows the details for `state` on `scene`; fetches an entity only when the selection or the date changed. */
  show(state: ViewState, scene: Scene): void;
  /** Forgets what it showed, so that the next `show` fetches again (after the evidence changed). */
  forget(): void;
}

export function mountDetailsPanel(
  el: HTMLElement,
  dispatch: (a: Action) => void,
  current: () => ViewState,
): DetailsPanel {
  el.innerHTML =
    '<div id="selection-details"></div><div id="note-tools"></div><div id="record-tools"></div><div id="highlight-details"></div>';
  const selection = el.querySelector<HTMLElement>('#selection-details')!;
  const extra = el.querySelector<HTMLElement>('#highlight-details')!;
  let shownKey = '';

  el.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest('button[data-action]') as HTMLButtonElement | null;
    if (!button) return;
    const id = button.dataset.id ?? '';
    switch (button.dataset.action) {
      case 'center':
        dispatch({ type: 'open', view: 'cascade', root: id });
        break;
      case 'provenance':
        dispatch({ type: 'open', view: 'provenance', root: id });
        break;
      case 'who':
        dispatch({ type: 'highlight', highlight: { kind: 'who-works-for', id } });
        break;
      case 'workforce':
        dispatch({ type: 'highlight', highlight: { kind: 'workforce', id } });
        break;
      case 'connect':
        dispatch({ type: 'open', view: 'connections', root: button.dataset.root ?? '', to: id });
        break;
      case 'evidence':
        dispatch({ type: 'highlight', highlight: { kind: 'claim', id: button.dataset.claim ?? '' } });
        break;
      case 'flow-svg':
      case 'flow-png':
        void downloadFlow(button, button.dataset.action === 'flow-png');
        break;
      case 'money-flow':
        dispatch({ type: 'open', view: 'money-flow', root: id });
        break;
      case 'ungroup':
        dispatch({ type: 'set-options', grouping: 'off' });
        break;
      case 'open-group':
        dispatch({ type: 'toggle-expansion', id });
        break;
      case 'indicator':
        dispatch({
          type: 'highlight',
          highlight: {
            kind: 'indicator',
            organization: button.dataset.organization ?? '',
            id: button.dataset.indicator ?? '',
          },
        });
        break;
    }
  });

  // Searching inside a group: its members whose name holds the text, each a button that centres the view on it.
  el.addEventListener('submit', (ev) => {
    const form = (ev.target as HTMLElement).closest('form[data-group]') as HTMLFormElement | null;
    if (!form) return;
    ev.preventDefault();
    const text = (form.querySelector('input') as HTMLInputElement).value.trim();
    const out = form.parentElement!.querySelector<HTMLElement>('.group-found')!;
    const state = current();
    out.textContent = 'Searching…';
    groupMembers(state, form.dataset.group!, text || null)
      .then((page) => {
        if (current().selected !== state.selected) return;
        out.innerHTML =
          page.nodes.length === 0
            ? '<p>No member of this group has that in its name.</p>'
            : `<p>${page.totalCount.toLocaleString('en')} found${page.pageInfo.hasNextPage ? `, the first ${page.nodes.length} listed` : ''}:</p><ul>${page.nodes
                .map(
                  (n) =>
                    `<li><button type="button" data-action="center" data-id="${h(n.id)}">${h(n.name)}</button></li>`,
                )
                .join('')}</ul>`;
      })
      .catch((error: unknown) => {
        out.innerHTML = `<p class="no-source">${explain(error)}</p>`;
      });
  });

  /** What a selected group holds, how to open it, and a search among its members. */
  function groupHtml(id: string, scene: Scene, state: ViewState): string {
    const data = scene.viewData as CascadeData | undefined;
    const group = data?.grouped?.groups.find((g) => g.id === groupIdOf(id));
    if (!group) return `<p>This group is no longer on screen.</p>`;
    const open = state.expansions.includes(id);
    return `<h2>${h(group.label)}</h2>${groupSentences(group)
      .map((x) => `<p>${h(x)}</p>`)
      .join('')}
      <p><button type="button" data-action="open-group" data-id="${h(id)}">${open ? 'Close this group' : 'Open this group (its first 100 members)'}</button></p>
      <form data-group="${h(group.id)}" role="search"><label>Search in this group <input type="search" name="q" autocomplete="off"></label> <button type="submit">Search</button></form>
      <div class="group-found" aria-live="polite"></div>`;
  }

  /** A money-flow figure's picture, as SVG or as PNG drawn from it at twice its size. */
  async function downloadFlow(button: HTMLButtonElement, png: boolean): Promise<void> {
    const svg = button.closest('figure')?.querySelector('svg');
    if (!svg) return;
    const text = new XMLSerializer().serializeToString(svg);
    const name = `money-flow-${button.closest('figure')!.getAttribute('data-pool') ?? 'chain'}`;
    if (!png) {
      download(`${name}.svg`, new Blob([text], { type: 'image/svg+xml' }));
      return;
    }
    const image = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await new Promise((done, fail) => {
      image.onload = done;
      image.onerror = fail;
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * 2;
    canvas.height = svg.height.baseVal.value * 2;
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => {
      if (blob) download(`${name}.png`, blob);
    }, 'image/png');
  }

  /** A slower answer for an earlier selection must not overwrite a newer one: answers count only for the wanted selection and day. */
  const timesKey = (t: Times) => `${t.asOf ?? ''}@${t.recordedAt ?? ''}`;
  const wantedKey = () => `${current().selected ?? ''}@${timesKey(current())}`;
  const askEntity = latestAnswerFor(wantedKey);
  const askAudit = latestAnswerFor(wantedKey);

  async function showEntity(id: string, times: Times, connectTo: { id: string; name: string } | null): Promise<void> {
    try {
      const key = `${id}@${timesKey(times)}`;
      const { value, latest } = await askEntity(
        graphql<{ entity: Entity | null }>(ENTITY, { id, recordedAt: times.recordedAt }),
        key,
      );
      if (!latest) return;
      const { entity } = value;
      selection.innerHTML = entity
        ? entityHtml(entity, connectTo, times.recordedAt)
        : times.recordedAt
          ? `<p>No entity had id ${h(id)} when the store was recorded on ${h(momentInWords(times.recordedAt))}.</p>`
          : `<p>No entity has id ${h(id)}.</p>`;
      if (entity && (entity.__typename === 'Organization' || entity.__typename === 'AIProduct')) {
        await showAuditPanel(selection, entity, times, (request) => askAudit(request, key));
      }
    } catch (error) {
      if (wantedKey() === `${id}@${timesKey(times)}`)
        selection.innerHTML = `<p class="no-source">${explain(error)}</p>`;
    }
  }

  return {
    forget() {
      shownKey = '';
    },
    show(state, scene) {
      extra.innerHTML = scene.highlight?.details ?? '';
      const id = state.selected;
      const link = id ? (scene.subgraph.edges.find((e) => e.id === id) as Link | undefined) : undefined;
      if (!id) {
        shownKey = '';
        selection.innerHTML = scene.viewDetails ?? PLACEHOLDER;
        return;
      }
      if (isGroupNode(id)) {
        const key = JSON.stringify(['group', id, state.expansions.includes(id), state.asOf, state.recordedAt]);
        if (key === shownKey) return;
        shownKey = key;
        selection.innerHTML = groupHtml(id, scene, state);
        return;
      }
      if (link) {
        shownKey = '';
        const names = new Map(scene.subgraph.nodes.map((n) => [n.id, n.name]));
        selection.innerHTML = linkHtml(link, (x) => names.get(x) ?? x);
        return;
      }
      const key = JSON.stringify([id, state.asOf, state.recordedAt]);
      if (key === shownKey) return;
      shownKey = key;
      const root =
        state.view !== 'connections' && state.root ? scene.subgraph.nodes.find((n) => n.id === state.root) : undefined;
      void showEntity(
        id,
        { asOf: state.asOf, recordedAt: state.recordedAt },
        root ? { id: root.id, name: root.name } : null,
      );
    },
  };
}
