// The explorer's editing side, wired once: sign-in, edit forms and review, saved investigations, and the store-version
// poll that redraws the view after anyone's edit or import. Returns what the page calls after each drawing.
import type { GraphCanvas } from './graph/graph-canvas.js';
import { mountEditPanel } from './panels/edit-panel.js';
import { mountInvestigationPanel } from './panels/investigation-panel.js';
import type { StatusLine } from './panels/status-line.js';
import type { Action, ViewState } from './state/explorer-state.js';
import type { Store } from './state/store.js';
import { createStoreVersionPoll } from './state/store-version-poll.js';
import type { Scene } from './views/scene.js';

export interface EditingParts {
  store: Store<ViewState, Action>;
  dispatch: (a: Action) => void;
  /** What is drawn now, and how to load it again (after `renewLoader`, with fresh answers). */
  shown: { scene(): Scene; reload(): Promise<void> };
  /** Forgets the answers the views keep, so that the next load reads the store again. */
  renewLoader: () => void;
  canvas: GraphCanvas;
  status: StatusLine;
  $: <T extends HTMLElement>(id: string) => T;
}

export function mountEditing({ store, dispatch, shown, renewLoader, canvas, status, $ }: EditingParts): {
  afterDraw(): void;
} {
  const current = () => ({ state: store.get(), scene: shown.scene() });
  // Everything on screen follows the store: after an edit here, or anyone's edit or import (the version is polled).
  const poll = createStoreVersionPoll({
    changed: async () => {
      await redraw();
      status.show('The evidence changed (an edit or an import): the view now shows the newest version.');
    },
  });
  const redraw = () =>
    poll.redraw(async () => {
      renewLoader();
      await shown.reload();
      edits.show(store.get(), shown.scene());
      investigations.show(store.get());
    });
  const edits = mountEditPanel(
    {
      signIn: $('sign-in'),
      who: $('signed-in'),
      add: $('add-record'),
      addLink: $('add-link'),
      review: $('review-queue'),
      dialog: $('editor'),
      tools: $('record-tools'),
    },
    dispatch,
    current,
    status,
    redraw,
    (work) => poll.quiet(work),
  );
  const investigations = mountInvestigationPanel(
    {
      save: $('save-investigation'),
      report: $('report'),
      dialog: $('investigation-dialog'),
      tools: $('note-tools'),
      title: $('investigation-name'),
    },
    dispatch,
    current,
    canvas,
    status,
    () => edits.signIn(() => void openFromUrl()),
  );
  store.subscribe((next, previous) => {
    if (next.selected !== previous.selected) {
      edits.show(next, shown.scene());
      investigations.show(next);
    }
  });
  edits.show(store.get(), shown.scene());
  // A link to a saved investigation (?investigation=ID) opens it: its view, notes and markers.
  const investigationId = new URLSearchParams(location.search).get('investigation');
  const openFromUrl = () => (investigationId ? investigations.open(investigationId) : Promise.resolve());
  void openFromUrl();
  poll.start();
  return { afterDraw: () => investigations.show(store.get()) };
}
