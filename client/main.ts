// The explorer page: creates the store from the URL and wires the canvas, the panels and the views to it. No logic of its own.
import { createGraphCanvas } from './graph/graph-canvas.js';
import { mountDetailsPanel } from './panels/details-panel.js';
import { mountExportMenu } from './panels/export-menu.js';
import { mountGraphKeyboard } from './panels/graph-keyboard.js';
import { mountTablePanel } from './panels/table-panel.js';
import { mountUndoButtons } from './panels/undo-buttons.js';
import { mountTimelinePanel } from './panels/timeline-panel.js';
import { mountSearchBox } from './panels/search-box.js';
import { mountSidebar } from './panels/sidebar.js';
import { mountStatusLine } from './panels/status-line.js';
import { mountTimeSlider } from './panels/time-slider.js';
import { mountRecordedAtControl } from './panels/recorded-at-control.js';
import { mountWelcomePanel } from './panels/welcome-panel.js';
import { connectScene } from './scene-controller.js';
import { mountEditing } from './editing.js';
import { canvasActions, transition } from './state/explorer-state.js';
import { createStore } from './state/store.js';
import { decodeState } from './state/url-state.js';
import { VIEW_IDS } from './views/index.js';
import { createSceneLoader } from './views/scene.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const store = createStore(decodeState(location.search, VIEW_IDS), transition);
const status = mountStatusLine($('status'));
// Every part dispatches through the undo history, which remembers the steps of the exploration.
const dispatch = mountUndoButtons(store, $('undo'), $('redo'), status);

const canvas = createGraphCanvas(
  $('cy'),
  canvasActions(dispatch),
  import.meta.env.VITE_EXPOSE_CY === '1',
  new URLSearchParams(location.search).get('renderer') === 'webgl' ? 'webgl' : 'canvas',
);

const sidebar = mountSidebar(dispatch);
const slider = mountTimeSlider($('asof'), $('asof-label'), $('asof-today'), dispatch);
const recorded = mountRecordedAtControl(
  { form: $('recorded'), input: $('recorded-at'), now: $('recorded-now'), banner: $('recorded-banner') },
  dispatch,
  status,
);
const details = mountDetailsPanel($('details'), dispatch, store.get);
const timeline = mountTimelinePanel($('timeline'), $('timeline-toggle'), canvas, dispatch);
const table = mountTablePanel($('table-view'), $('as-table'), $('cy'), dispatch, status);
// `shown` is defined below; the keyboard asks for it only on a key press, after the page is wired.
const seen = () => ({ state: store.get(), scene: shown.scene() });
const keyboard = mountGraphKeyboard($('cy'), $('announcer'), $('search'), $('details'), canvas, dispatch, seen);
mountSearchBox($('search'), $('suggestions'), status, dispatch, () => store.get().recordedAt);
// The loader keeps each view's answers; after the evidence changed, a new one fetches them again.
let loader = createSceneLoader();
const shown = connectScene({
  store,
  load: (state) => loader(state),
  canvas,
  status,
  sidebar,
  slider,
  recorded,
  details,
  table,
  timeline,
  keyboard,
  el: { title: $('view-title'), welcome: $('welcome'), graphArea: $('graph-area') },
  afterDraw: () => editing.afterDraw(),
});
mountExportMenu($('export'), canvas, () => {
  const { root, asOf, recordedAt } = store.get();
  return {
    root,
    asOf,
    recordedAt,
    title: $('view-title').textContent ?? '',
    graph: canvas.shown(shown.scene().subgraph),
  };
});
const editing = mountEditing({
  store,
  dispatch,
  shown,
  canvas,
  status,
  $,
  renewLoader: () => (loader = createSceneLoader()),
});
$('fit').addEventListener('click', () => canvas.fit());
mountWelcomePanel($('starting-points'), $('welcome'), dispatch);
window.addEventListener('popstate', () => dispatch({ type: 'restore', state: decodeState(location.search, VIEW_IDS) }));
