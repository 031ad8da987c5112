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
});
