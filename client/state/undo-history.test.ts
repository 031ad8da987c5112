import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, remember, redo, undo, UNDO_LIMIT, type UndoHistory } from './undo-history.js';

describe('undo and redo', () => {
  it('undoes steps in reverse order and redoes them in order', () => {
    let h: UndoHistory<string> = EMPTY_HISTORY;
    h = remember(h, 'a'); // a → b
    h = remember(h, 'b'); // b → c
    const u1 = undo(h, 'c')!;
    expect(u1.state).toBe('b');
    const u2 = undo(u1.history, 'b')!;
    expect(u2.state).toBe('a');
    expect(undo(u2.history, 'a')).toBeNull();
    const r1 = redo(u2.history, 'a')!;
    expect(r1.state).toBe('b');
    expect(redo(r1.history, 'b')!.state).toBe('c');
  });

  it('a new step after undoing drops what could have been redone', () => {
    const h = undo(remember(remember(EMPTY_HISTORY as UndoHistory<string>, 'a'), 'b'), 'c')!;
    const branched = remember(h.history, 'b');
    expect(redo(branched, 'x')).toBeNull();
    expect(undo(branched, 'x')!.state).toBe('b');
  });

  it('keeps at most the last UNDO_LIMIT steps', () => {
    let h: UndoHistory<number> = EMPTY_HISTORY;
    for (let i = 0; i < UNDO_LIMIT + 20; i++) h = remember(h, i);
    expect(h.past).toHaveLength(UNDO_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
