// Undo and redo of exploration steps: buttons in the header, Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) outside text fields.
// Wraps the store's dispatch: exploration steps are remembered, an undo restores the state before the last one.
import type { Action, ViewState } from '../state/explorer-state.js';
import type { Store } from '../state/store.js';
import { EMPTY_HISTORY, EXPLORATION_STEPS, redo, remember, undo, type UndoHistory } from '../state/undo-history.js';
import type { StatusLine } from './status-line.js';

/** Returns the dispatch the rest of the page uses. */
export function mountUndoButtons(
  store: Store<ViewState, Action>,
  undoButton: HTMLButtonElement,
  redoButton: HTMLButtonElement,
  status: StatusLine,
): (a: Action) => void {
  let history: UndoHistory<ViewState> = EMPTY_HISTORY;
  const sync = () => {
    undoButton.disabled = history.past.length === 0;
    redoButton.disabled = history.future.length === 0;
  };
  const dispatch = (action: Action) => {
    const before = store.get();
    store.dispatch(action);
    if (EXPLORATION_STEPS.has(action.type) && store.get() !== before) {
      history = remember(history, before);
      sync();
    }
  };
  const step = (which: 'undo' | 'redo') => {
    const r = (which === 'undo' ? undo : redo)(history, store.get());
    if (!r) {
      status.show(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    history = r.history;
    store.dispatch({ type: 'restore', state: r.state });
    sync();
    status.show(which === 'undo' ? 'Undone: back one step.' : 'Redone.');
  };
  undoButton.addEventListener('click', () => step('undo'));
  redoButton.addEventListener('click', () => step('redo'));
  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if (!(ev.ctrlKey || ev.metaKey) || target.closest('input, textarea, select, [contenteditable]')) return;
    const key = ev.key.toLowerCase();
    if (key === 'z' && !ev.shiftKey) {
      ev.preventDefault();
      step('undo');
    } else if (key === 'y' || (key === 'z' && ev.shiftKey)) {
      ev.preventDefault();
      step('redo');
    }
  });
  sync();
  return dispatch;
}
