// The welcome page's starting points: each button opens a view on a record, on a day when it names one.
import type { Action } from '../state/explorer-state.js';
import { STARTING_POINTS, startingPointsHtml } from '../ui/starting-points.js';

export function mountWelcomePanel(list: HTMLElement, welcome: HTMLElement, dispatch: (action: Action) => void): void {
  list.innerHTML = startingPointsHtml(STARTING_POINTS);
  welcome.querySelectorAll<HTMLButtonElement>('button[data-open]').forEach((b) => {
    b.addEventListener('click', () => {
      const [view, root] = b.dataset.open!.split(':') as [string, string];
      dispatch({ type: 'open', view, root });
      if (b.dataset.asOf) dispatch({ type: 'set-date', asOf: b.dataset.asOf });
    });
  });
}
