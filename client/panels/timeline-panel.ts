// The timeline of the links in view (the "Timeline" toggle): hovering or focusing a bar highlights its link in the graph;
// a year button moves the view's date there, and the line on the timeline follows the view's date.
import type { GraphCanvas } from '../graph/graph-canvas.js';
import { visibleSubgraph } from '../graph/to-elements.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import { timelineModel, timelineSvg, yearButtonsHtml } from '../ui/timeline.js';
import type { Scene } from '../views/scene.js';

export interface TimelinePanel {
  show(state: ViewState, scene: Scene): void;
}

const today = () => new Date().toISOString().slice(0, 10);

export function mountTimelinePanel(
  el: HTMLElement,
  toggle: HTMLButtonElement,
  canvas: GraphCanvas,
  dispatch: (a: Action) => void,
): TimelinePanel {
  let open = false;
  let last: { state: ViewState; scene: Scene } | null = null;
  /** The axis drawn now: its first and last day and its width in pixels (a click on it picks a day). */
  let axis: { first: number; last: number; width: number } | null = null;

  const render = () => {
    toggle.setAttribute('aria-pressed', String(open));
    el.hidden = !open;
    if (!open || !last) return;
    const { state, scene } = last;
    const view = visibleSubgraph(scene.subgraph, state, scene.decorations.keep);
    const names = new Map(view.nodes.map((n) => [n.id, n.name]));
    const model = timelineModel(view.edges, (id) => names.get(id) ?? id, today());
    const width = Math.max(400, el.clientWidth - 24);
    axis = { first: model.first, last: model.last, width };
    el.innerHTML = `<h2 id="timeline-title">When each link held <span class="muted small">(${view.edges.length} link${view.edges.length === 1 ? '' : 's'}; bars with an arrow have no known start or end; dashed: no source)</span></h2>
      <div class="tl-years" role="group" aria-label="Move the view's date to">${yearButtonsHtml(model, state.asOf)}</div>
      <div class="tl-scroll">${timelineSvg(model, state.asOf ?? today(), width)}</div>`;
  };

  toggle.addEventListener('click', () => {
    open = !open;
    render();
  });
  el.addEventListener('click', (ev) => {
    const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-date]');
    if (b) {
      dispatch({ type: 'set-date', asOf: b.dataset.date || null });
      return;
    }
    // A click anywhere on the chart moves the view to that day.
    const svg = (ev.target as Element).closest('svg.timeline');
    if (svg && axis) {
      const day =
        axis.first +
        Math.round(
          (((ev as MouseEvent).clientX - svg.getBoundingClientRect().left) / axis.width) * (axis.last - axis.first),
        );
      dispatch({ type: 'set-date', asOf: new Date(day * 86_400_000).toISOString().slice(0, 10) });
    }
  });
  // Hovering or focusing a bar lights its link and the two ends; leaving restores what the view highlighted.
  const light = (ev: Event) => {
    const bar = (ev.target as Element).closest<SVGGElement>('g.tl-bar');
    if (!bar || !last) return;
    const link = last.scene.subgraph.edges.find((e) => e.id === bar.dataset.id);
    if (link) canvas.highlight(new Set([link.id, link.from, link.to]));
  };
  const unlight = () => {
    if (last) canvas.highlight(new Set(last.scene.highlight?.ids ?? []));
  };
  el.addEventListener('mouseover', light);
  el.addEventListener('focusin', light);
  el.addEventListener('mouseleave', unlight);
  el.addEventListener('focusout', unlight);

  return {
    show(state, scene) {
      last = { state, scene };
      render();
    },
  };
}
