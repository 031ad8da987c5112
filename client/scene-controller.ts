// Keeps the screen a projection of the store: loads the scene when what it shows changes, draws it, and drops stale answers.
import type { GraphCanvas } from './graph/graph-canvas.js';
import { changes, unknownVocabulary } from './graph/to-elements.js';
import type { DetailsPanel } from './panels/details-panel.js';
import type { GraphKeyboard } from './panels/graph-keyboard.js';
import type { Sidebar } from './panels/sidebar.js';
import type { TablePanel } from './panels/table-panel.js';
import type { TimelinePanel } from './panels/timeline-panel.js';
import type { StatusLine, Tone } from './panels/status-line.js';
import type { TimeSlider } from './panels/time-slider.js';
import type { RecordedAtControl } from './panels/recorded-at-control.js';
import { loadKey, sceneKey, type Action, type ViewState } from './state/explorer-state.js';
import type { Store } from './state/store.js';
import { encodeState } from './state/url-state.js';
import { viewOf } from './views/index.js';
import { EMPTY_SCENE, type Scene } from './views/scene.js';
import { escapeHtml as h } from './ui/escape-html.js';
import { latestAnswerFor } from './state/latest-answer.js';

export interface SceneParts {
  store: Store<ViewState, Action>;
  load: (state: ViewState) => Promise<Scene>;
  canvas: GraphCanvas;
  status: StatusLine;
  sidebar: Sidebar;
  slider: TimeSlider;
  recorded: RecordedAtControl;
  details: DetailsPanel;
  table: TablePanel;
  timeline: TimelinePanel;
  keyboard: GraphKeyboard;
  el: { title: HTMLElement; welcome: HTMLElement; graphArea: HTMLElement };
  /** Runs after each drawing (marks that live on the drawn elements, such as notes, are put back). */
  afterDraw?: () => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Whether the links' date or the store's moment differs: what appeared and disappeared is then worth showing. */
const timesChanged = (a: ViewState, b: ViewState) => a.asOf !== b.asOf || a.recordedAt !== b.recordedAt;

/** What the status line says about a freshly drawn scene. Pure. */
export function sceneReport(
  scene: Scene,
  previous: Scene,
  before: ViewState,
  after: ViewState,
): { text: string; tone: Tone } {
  const parts: string[] = [];
  let tone: Tone = 'info';
  const { subgraph } = scene;
  if (subgraph.nodes.length <= 1 && subgraph.edges.length === 0) {
    parts.push(
      'Nothing is linked here at this date. Try another date on the slider, a larger depth, or the other direction.',
    );
    tone = 'warn';
  }
  if (subgraph.truncated) {
    parts.push(
      `Showing ${subgraph.nodes.length} of at least ${(subgraph.totalNodes ?? subgraph.nodes.length).toLocaleString('en')} nodes — lower the depth or filter to see the rest.`,
    );
    tone = 'warn';
  }
  if (subgraph.edgesTruncated) {
    parts.push(
      'Some links among these nodes are not drawn (at most four per node): lower the limit or the depth to see them all.',
    );
    tone = 'warn';
  }
  const unknown = unknownVocabulary(subgraph);
  if (unknown.linkTypes.length || unknown.kinds.length) {
    parts.push(
      `This explorer does not know ${[...unknown.linkTypes, ...unknown.kinds].map(h).join(', ')}: drawn in grey. Reload the page to get the newest explorer.`,
    );
    tone = 'warn';
  }
  const expanded = after.expansions.find((id) => !before.expansions.includes(id));
  const collapsed = before.expansions.find((id) => !after.expansions.includes(id));
  if (expanded !== undefined && loadKey(before) === loadKey(after)) {
    const added = scene.added[expanded]?.length ?? 0;
    parts.push(
      added
        ? `Added ${plural(added, 'neighbour')}; double-click again to collapse.`
        : 'No more neighbours at this date.',
    );
  } else if (collapsed !== undefined && loadKey(before) === loadKey(after)) {
    parts.push(`Collapsed ${plural(previous.added[collapsed]?.length ?? 0, 'node')}.`);
  }
  if (timesChanged(before, after) && previous !== EMPTY_SCENE) {
    const diff = changes(previous.subgraph, subgraph);
    if (diff.appeared.length || diff.disappeared.length) {
      parts.push(
        `${before.asOf !== after.asOf ? 'At this date' : 'As recorded then'} ${plural(diff.appeared.length, 'element')} appeared (green halo) and ${diff.disappeared.length} disappeared.`,
      );
      tone = 'info';
    }
  }
  if (
    scene.highlight &&
    (previous === EMPTY_SCENE || JSON.stringify(before.highlight) !== JSON.stringify(after.highlight))
  )
    parts.push(h(scene.highlight.message));
  return { text: parts.join(' '), tone };
}

/** Subscribes the screen to the store and draws the initial state; `scene()` is what is drawn now. */
export function connectScene(p: SceneParts): { scene(): Scene; reload(): Promise<void> } {
  let scene: Scene = EMPTY_SCENE;
  let drawnFor: ViewState = p.store.get();

  const draw = (state: ViewState) => {
    p.canvas.render(scene.subgraph, state, scene.decorations);
    p.canvas.highlight(new Set(scene.highlight?.ids ?? []));
    p.canvas.select(state.selected);
    p.keyboard.redrawn();
    p.afterDraw?.();
  };

  const askScene = latestAnswerFor(() => sceneKey(p.store.get()));

  async function refresh(state: ViewState): Promise<void> {
    const key = sceneKey(state);
    p.el.welcome.hidden = Boolean(state.root);
    p.el.graphArea.setAttribute('aria-busy', 'true');
    p.status.show('Loading…');
    try {
      const { value: next, latest } = await askScene(p.load(state), key);
      if (!latest) return; // a newer state is loading; this answer is late
      const previous = scene;
      const before = drawnFor;
      scene = next;
      drawnFor = state;
      const current = p.store.get();
      draw(current);
      p.el.title.innerHTML = scene.title;
      p.sidebar.sync(current, viewOf(current.view), scene.subgraph);
      const report = sceneReport(scene, previous, before, state);
      p.status.show(report.text, report.tone);
      if (timesChanged(before, state) && previous !== EMPTY_SCENE)
        p.canvas.markAppeared(changes(previous.subgraph, scene.subgraph).appeared);
      p.details.show(current, scene);
      p.table.show(current, scene);
      p.timeline.show(current, scene);
    } catch (error) {
      if (sceneKey(p.store.get()) === key) p.status.error(error);
    } finally {
      if (sceneKey(p.store.get()) === key) p.el.graphArea.setAttribute('aria-busy', 'false');
    }
  }

  p.store.subscribe((next, previous) => {
    const url = `${location.pathname}${encodeState(next)}`;
    if (url !== `${location.pathname}${location.search}`)
      history[loadKey(next) !== loadKey(previous) ? 'pushState' : 'replaceState'](null, '', url);
    p.slider.sync(next.asOf);
    p.recorded.sync(next.recordedAt);
    if (sceneKey(next) !== sceneKey(previous)) {
      void refresh(next);
      return;
    }
    if (
      JSON.stringify([next.hiddenTypes, next.hiddenKinds, next.hiddenCountries]) !==
      JSON.stringify([previous.hiddenTypes, previous.hiddenKinds, previous.hiddenCountries])
    ) {
      draw(next);
      p.sidebar.sync(next, viewOf(next.view), scene.subgraph);
    }
    if (next.selected !== previous.selected) {
      p.canvas.select(next.selected);
      p.details.show(next, scene);
      if (next.selected === null) p.canvas.highlight(new Set());
    }
    p.table.show(next, scene);
    p.timeline.show(next, scene);
  });

  const first = p.store.get();
  p.slider.sync(first.asOf);
  p.recorded.sync(first.recordedAt);
  p.sidebar.sync(first, viewOf(first.view), scene.subgraph);
  p.table.show(first, scene);
  if (first.root) void refresh(first);
  else p.el.welcome.hidden = false;
  return {
    scene: () => scene,
    /** Loads and draws the current state again (the loader must have forgotten its answers): after the evidence changed. */
    reload: async () => {
      p.details.forget();
      if (p.store.get().root) await refresh(p.store.get());
    },
  };
}
