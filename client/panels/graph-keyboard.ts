// The graph with a keyboard: focus the canvas (Tab), move along links with the arrows, Enter for details, +/− to expand
// and collapse, Escape back to search; each arrival is announced in a polite live region.
import type { GraphCanvas } from '../graph/graph-canvas.js';
import { describeArrival, isArrow, KEYBOARD_HELP, nothingThatWay, pickNeighbour } from '../graph/keyboard-path.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import type { Scene } from '../views/scene.js';

export interface GraphKeyboard {
  /** A new scene is drawn: keep the focus if its node is still there, else forget it. */
  redrawn(): void;
}

export function mountGraphKeyboard(
  container: HTMLElement,
  announcer: HTMLElement,
  search: HTMLElement,
  details: HTMLElement,
  canvas: GraphCanvas,
  dispatch: (a: Action) => void,
  current: () => { state: ViewState; scene: Scene },
): GraphKeyboard {
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'graph');
  container.setAttribute('aria-label', `Graph of the view. ${KEYBOARD_HELP}`);
  let focused: string | null = null;

  const say = (text: string) => {
    // Emptied first, so that the same words said twice are announced twice.
    announcer.textContent = '';
    requestAnimationFrame(() => {
      announcer.textContent = text;
    });
  };
  const nodeOf = (id: string) => current().scene.subgraph.nodes.find((n) => n.id === id);
  const name = (id: string) => nodeOf(id)?.name ?? id;

  const arrive = (id: string, via: Parameters<typeof describeArrival>[1]) => {
    const node = nodeOf(id);
    if (!node) return;
    focused = id;
    canvas.markFocus(id);
    say(describeArrival(node, via, name, canvas.neighbours(id).length));
  };

  container.addEventListener('focus', () => {
    if (focused && canvas.position(focused)) {
      arrive(focused, null);
      return;
    }
    const { state, scene } = current();
    const start = [state.selected, state.root, scene.subgraph.nodes[0]?.id].find((id): id is string =>
      Boolean(id && canvas.position(id)),
    );
    if (start) arrive(start, null);
    else say('The graph is empty. Press Escape to search.');
  });
  container.addEventListener('blur', () => canvas.markFocus(null));

  container.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      search.focus();
      return;
    }
    if (!focused) return;
    if (isArrow(ev.key)) {
      ev.preventDefault();
      const origin = canvas.position(focused);
      const next = origin && pickNeighbour(origin, canvas.neighbours(focused), ev.key);
      if (next) arrive(next.id, next.link);
      else say(nothingThatWay(ev.key));
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      dispatch({ type: 'select', id: focused });
      details.focus();
    } else if (ev.key === '+' || ev.key === '=' || ev.key === '-') {
      ev.preventDefault();
      const expanded = current().state.expansions.includes(focused);
      const wants = ev.key !== '-';
      if (expanded === wants) say(wants ? 'Already expanded.' : 'Not expanded: nothing to collapse.');
      else dispatch({ type: 'toggle-expansion', id: focused });
    }
  });

  return {
    redrawn() {
      if (focused && !canvas.position(focused)) focused = null;
      if (focused && document.activeElement === container) canvas.markFocus(focused);
    },
  };
}
