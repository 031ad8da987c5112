// Late answers in Chromium on the fixtures: an answer held back until the user has moved on (selected another entity)
// changes nothing when it finally arrives; the screen keeps the answer for what it now shows
// (client/state/latest-answer.ts). The held answer is released by the test, not by a timer.
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserMissing, useExplorerOnFixtures } from './browser.js';

describe.skipIf(browserMissing !== null)('late answers', () => {
  const api = useExplorerOnFixtures();
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await api.browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
  });
  afterEach(async () => {
    await context?.close();
  });

  const waitIdle = () =>
    page.waitForFunction(() => document.getElementById('graph-area')!.getAttribute('aria-busy') === 'false');

  /** Holds the first request whose body has all of `parts` until `release()`; `answered` resolves once the page has it. */
  async function holdFirst(...parts: string[]) {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let held = false;
    let answered!: Promise<unknown>;
    const heldSeen = new Promise<void>((seen) => {
      void page.route('**/graphql', async (route: Route) => {
        const body = route.request().postData() ?? '';
        if (!held && parts.every((p) => body.includes(p))) {
          held = true;
          answered = page.waitForResponse((r) => r.request() === route.request()).then((r) => r.finished());
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
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
        );
      },
    };
  }

  const select = (id: string) =>
    page.evaluate((x) => {
      window.cy!.getElementById(x).emit('tap');
    }, id);

  it.each([
    ['the details of the first selection', ['query Entity', '"ex-taskora"']],
    ['the audit of the first selection', ['query Scorecard', '"ex-taskora"']],
  ])('%s, answered after another entity was selected, do not overwrite it', async (_what, parts) => {
    await page.goto(`${api.url}/?root=ex-taskora&depth=1&dir=OUTGOING&asOf=2020-06-01`);
    await page.waitForFunction(() => window.cy?.getElementById('ex-datavolt').length === 1);
    await waitIdle();
    const hold = await holdFirst(...parts);
    await select('ex-taskora');
    await hold.heldSeen;
    await select('ex-datavolt');
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'DataVolt');
    await page.waitForSelector('#audit-panel .badge[data-verdict], #audit-panel p:not(.muted)');
    const before = await page.innerHTML('#details');
    await hold.release();
    expect(await page.textContent('#details h2')).toBe('DataVolt');
    expect(await page.innerHTML('#details')).toBe(before);
  });
});
