// Undo and redo of exploration steps (open, expand or collapse, filter, options, date, highlight) within a session. Pure.
import type { Action } from './explorer-state.js';

export interface UndoHistory<S> {
  past: readonly S[];
  future: readonly S[];
}

/** At most this many steps back. */
export const UNDO_LIMIT = 100;

/** The actions that are steps of an exploration: selecting something is not one (it would drown the steps that matter). */
export const EXPLORATION_STEPS: ReadonlySet<Action['type']> = new Set([
  'open',
  'toggle-expansion',
  'set-filters',
  'set-options',
  'set-date',
  'highlight',
]);

export const EMPTY_HISTORY: UndoHistory<never> = { past: [], future: [] };

/** After a step from `before`: it can be undone, and whatever was undone before can no longer be redone. */
export function remember<S>(h: UndoHistory<S>, before: S): UndoHistory<S> {
  return { past: [...h.past, before].slice(-UNDO_LIMIT), future: [] };
}

/** The state before the last step, or null when there is none. */
export function undo<S>(h: UndoHistory<S>, current: S): { history: UndoHistory<S>; state: S } | null {
  const state = h.past.at(-1);
  return state === undefined ? null : { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, state };
}

/** The state the last undo left, or null when there is none. */
export function redo<S>(h: UndoHistory<S>, current: S): { history: UndoHistory<S>; state: S } | null {
  const state = h.future[0];
  return state === undefined ? null : { history: { past: [...h.past, current], future: h.future.slice(1) }, state };
}
