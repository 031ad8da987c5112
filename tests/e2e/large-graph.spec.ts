// A view of a few thousand elements in Chromium: the explorer switches to Cytoscape's WebGL renderer and still answers clicks.
import { importValid } from '../support/load-dataset.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCascade } from '../../bench/synthetic-cascade.js';
import { useSeededServer } from '../support/test-server.js';
import { browserMissing, launchBrowser } from './browser.js';

describe.skipIf(browserMissing !== null)('a large view in Chromium', () => {
  const api = useSeededServer(
    async (db) => {
      await importValid(
        db,
        syntheticCascade({ organizations: 1200, pools: 3000, tasks: 300, layers: 6 }),
        'synthetic cascade',
      );
    },
    { CLIENT_DIR: 'dist/client-test' },
  );
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws more than 2,000 elements (with WebGL when asked), says it is truncated, and still selects on click', async () => {
    await page.goto(`${api.url}/?root=bench-org-0-3&depth=6&limit=2000&asOf=2024-01-01&groups=off&renderer=webgl`);
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1000, undefined, { timeout: 60_000 });
    const count = await page.evaluate(() => window.cy!.elements().length);
    expect(count).toBeGreaterThan(2000);
    expect(await page.locator('#cy canvas[data-id="layer3-webgl"]').count()).toBe(1);
    expect(await page.textContent('#status')).toMatch(/Showing 2000 of at least/);
    await page.evaluate(() => {
      window.cy!.getElementById('bench-org-0-3').emit('tap');
    });
    await page.waitForSelector('#details h2');
    expect(await page.textContent('#details h2')).toBe('Bench Org 0-3');
  });

  it('by default draws a large view on the 2D canvas, a still picture while it moves', async () => {
    await page.goto(`${api.url}/?root=bench-org-0-3&depth=6&limit=2000&asOf=2024-01-01&groups=off`);
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1000, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.cy!.elements().length)).toBeGreaterThan(2000);
    expect(await page.locator('#cy canvas[data-id="layer3-webgl"]').count()).toBe(0);
    expect(await page.evaluate(() => window.cy!.data('large'))).toBe(true); // drawn with textureOnViewport and hideEdgesOnViewport
  });
});
