// Late answers in Chromium on the fixtures: an answer held back until the user has moved on (selected another entity,
// cleared or changed the search) changes nothing when it finally arrives; the screen keeps the answer for what it now shows
// (client/state/latest-answer.ts). The held answer is released by the test, not by a timer.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, useExplorerSession } from './explorer-session.js';

describe.skipIf(browserMissing !== null)('late answers', () => {
  const explorer = useExplorerSession();

  /** Holds the first request whose body has all of `parts` until `release()`; `answered` resolves once the page has it. */
  async function holdFirst(...parts: string[]) {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let held = false;
    let answered!: Promise<unknown>;
    const heldSeen = new Promise<void>((seen) => {
      void explorer.page.route('**/graphql', async (route: Route) => {
        const body = route.request().postData() ?? '';
        if (!held && parts.every((p) => body.includes(p))) {
          held = true;
          answered = explorer.page.waitForResponse((r) => r.request() === route.request()).then((r) => r.finished());
          seen();
          await released;
        }
        await route.continue();
      });
    });
    return {
      heldSeen,
      release: async () => {
        release();
        await answered;
        // Let the page run what the answer triggers before looking (two frames, not a timer).
        await explorer.page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
        );
      },
    };
  }

  const select = (id: string) =>
    explorer.page.evaluate((x) => {
      window.cy!.getElementById(x).emit('tap');
    }, id);

  it.each([
    ['the details of the first selection', ['query Entity', '"ex-taskora"']],
    ['the audit of the first selection', ['query Scorecard', '"ex-taskora"']],
  ])('%s, answered after another entity was selected, do not overwrite it', async (_what, parts) => {
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&dir=OUTGOING&asOf=2020-06-01`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-datavolt').length === 1);
    await explorer.waitIdle();
    const hold = await holdFirst(...parts);
    await select('ex-taskora');
    await hold.heldSeen;
    await select('ex-datavolt');
    await explorer.page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'DataVolt');
    await explorer.page.waitForSelector('#audit-panel .badge[data-verdict], #audit-panel p:not(.muted)');
    const before = await explorer.page.innerHTML('#details');
    await hold.release();
    expect(await explorer.page.textContent('#details h2')).toBe('DataVolt');
    expect(await explorer.page.innerHTML('#details')).toBe(before);
  });

  const suggestions = () =>
    explorer.page.$$eval('#suggestions li', (lis) => lis.map((li) => li.firstChild?.textContent ?? ''));

  it('a search answered after the box was cleared shows no suggestions', async () => {
    await explorer.page.goto(explorer.url);
    const hold = await holdFirst('query Search', '"Taskora"');
    await explorer.page.fill('#search', 'Taskora');
    await hold.heldSeen;
    await explorer.page.fill('#search', '');
    await hold.release();
    expect(await explorer.page.isHidden('#suggestions')).toBe(true);
    expect(await suggestions()).toEqual([]);
  });

  it("a search answered after another query was typed leaves the second query's suggestions", async () => {
    await explorer.page.goto(explorer.url);
    const hold = await holdFirst('query Search', '"Taskora"');
    await explorer.page.fill('#search', 'Taskora');
    await hold.heldSeen;
    await explorer.page.fill('#search', 'DataVolt');
    await explorer.page.waitForFunction(
      () => document.querySelector('#suggestions li')?.firstChild?.textContent === 'DataVolt',
    );
    const before = await suggestions();
    await hold.release();
    expect(await suggestions()).toEqual(before);
    expect(await explorer.page.inputValue('#search')).toBe('DataVolt');
  });
});
