// The one store of the explorer: holds a value, changes it only through a pure transition, and tells subscribers.

export interface Store<S, A> {
  get(): S;
  dispatch(action: A): void;
  /** Calls `listener(next, previous)` after every change; returns the unsubscribe function. */
  subscribe(listener: (next: S, previous: S) => void): () => void;
}

export function createStore<S, A>(initial: S, transition: (state: S, action: A) => S): Store<S, A> {
  let state = initial;
  const listeners = new Set<(next: S, previous: S) => void>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      const next = transition(state, action);
      if (next === previous) return;
      state = next;
      for (const listener of [...listeners]) listener(next, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
