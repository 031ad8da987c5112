import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreVersionPoll } from './store-version-poll.js';

describe('the store-version poll', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("redraws once when someone else changed the version, and not for the page's own redraw", async () => {
    let stored = 'v1';
    const changed = vi.fn(async () => {});
    const poll = createStoreVersionPoll({ read: async () => stored, changed, hidden: () => false, everyMs: 1000 });
    poll.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
    // This page's own edit: it redraws itself, reading the new version first.
    stored = 'v2';
    await poll.redraw(async () => {});
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
    // Someone else's edit.
    stored = 'v3';
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('says nothing while the page is hidden or redrawing', async () => {
    let stored = 'v1';
    let hidden = false;
    const changed = vi.fn(async () => {});
    const poll = createStoreVersionPoll({ read: async () => stored, changed, hidden: () => hidden, everyMs: 1000 });
    poll.start();
    await vi.advanceTimersByTimeAsync(0);
    hidden = true;
    stored = 'v2';
    await vi.advanceTimersByTimeAsync(3000);
    expect(changed).not.toHaveBeenCalled();
    hidden = false;
    let finish!: () => void;
    const drawing = poll.redraw(
      () =>
        new Promise<void>((done) => {
          finish = done;
        }),
    );
    stored = 'v3';
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
    finish();
    await drawing;
  });
  it("drops a read asked before the page's own redraw and answered after it", async () => {
    const reads: ((v: string) => void)[] = [];
    const changed = vi.fn(async () => {});
    const poll = createStoreVersionPoll({
      read: () => new Promise<string>((answer) => reads.push(answer)),
      changed,
      hidden: () => false,
      everyMs: 1000,
    });
    poll.start();
    reads[0]!('v1');
    await vi.advanceTimersByTimeAsync(1000); // a tick asks; its answer is held
    expect(reads).toHaveLength(2);
    const drawing = poll.redraw(async () => {}); // this page's edit: v2
    reads[2]!('v2');
    await drawing;
    reads[1]!('v1'); // the tick's answer, read before the edit, arrives last
    await vi.advanceTimersByTimeAsync(0);
    expect(changed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    reads[3]!('v2');
    await vi.advanceTimersByTimeAsync(0);
    expect(changed).not.toHaveBeenCalled();
  });

  it("says nothing for a version read between the page's own writes and its redraw", async () => {
    let stored = 'v1';
    const changed = vi.fn(async () => {});
    const poll = createStoreVersionPoll({ read: async () => stored, changed, hidden: () => false, everyMs: 1000 });
    poll.start();
    await vi.advanceTimersByTimeAsync(0);
    // A form that writes twice (a new source, then the link citing it) and redraws after the second write.
    let secondWrite!: () => void;
    const submitting = poll.quiet(async () => {
      stored = 'v2';
      await new Promise<void>((done) => {
        secondWrite = done;
      });
      stored = 'v3';
      await poll.redraw(async () => {});
    });
    await vi.advanceTimersByTimeAsync(3000); // ticks while the second write is in flight
    expect(changed).not.toHaveBeenCalled();
    secondWrite();
    await submitting;
    await vi.advanceTimersByTimeAsync(2000);
    expect(changed).not.toHaveBeenCalled();
    stored = 'v4'; // someone else's edit afterwards is still announced
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
