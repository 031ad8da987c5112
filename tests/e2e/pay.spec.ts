// A worker pool's pay in the explorer, in a real Chromium against the real server and Neo4j holding both fixtures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, useExplorerOnFixtures } from './browser.js';

let page: Page;

describe.skipIf(browserMissing !== null)('pay in the explorer', { timeout: 240_000 }, () => {
  const api = useExplorerOnFixtures();
  beforeEach(async () => {
    page = await api.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => { throw e; });
  });
  afterEach(async () => { await page.close(); });

  it('the details panel of a pool lists its pay report with the hourly range and every step, or says why there is none', async () => {
    await page.goto(`${api.url}/?root=ex-pool-mg-annotators&depth=1&sel=ex-pool-mg-annotators`);
    await page.waitForSelector('#details h2');
    // The pool's details come with its pay (or an error saying why not, shown here when the test fails).
    await page.waitForFunction(() => document.querySelector('#details .pay-report') || document.querySelector('#details .no-source'));
    expect(await page.textContent('#details')).toContain('As each source reports it');
    const report = await page.textContent('#details .pay-report');
    expect(report).toContain('€0.12 a task');
    expect(report).toContain('reported by workers interviewed, 2021');
    expect(report).toContain('Hourly: €2.40–3.60 an hour');
    expect(report).toContain('€0.12 a task × 20–30 tasks an hour = €2.40–3.60 an hour');
    expect(report).toContain('Group interviews with annotation and moderation teams (fictional)');
    // The fixtures hold no reference wage for Madagascar: the panel says so rather than guess.
    // Madagascar's sourced minimums are monthly and state no hours basis, so a per-task rate is not set against them.
    expect(report).toMatch(/Legal minimum wage: (cannot be compared: the reference (table has no legal minimum wage for MG|wage-mg-\S+ is .* states no hours basis)|[\d.]+–[\d.]+×)/);

    await page.goto(`${api.url}/?root=ex-pool-fr-raters&depth=1&sel=ex-pool-fr-raters`);
    await page.waitForSelector('#details .pay-report');
    expect(await page.textContent('#details .pay-report')).toContain('pay is €300.00–900.00 a month and no source reports the hours worked a month: the hourly pay cannot be derived');
  });
});
