// A view of a few thousand elements in Chromium: the explorer switches to Cytoscape's WebGL renderer and still answers clicks.
import { importValid } from '../support/load-dataset.js';
import { describe, expect, it } from 'vitest';
import { syntheticCascade } from '../../bench/synthetic-cascade.js';
import { browserMissing, useExplorerSession } from './explorer-session.js';

describe.skipIf(browserMissing !== null)('a large view in Chromium', () => {
  const explorer = useExplorerSession({
    seed: async (db) => {
      await importValid(
        db,
        syntheticCascade({ organizations: 1200, pools: 3000, tasks: 300, layers: 6 }),
        'synthetic cascade',
      );
    },
    pagePer: 'file',
  });

  it('draws more than 2,000 elements (with WebGL when asked), says it is truncated, and still selects on click', async () => {
    await explorer.page.goto(
      `${explorer.url}/?root=bench-org-0-3&depth=6&limit=2000&asOf=2024-01-01&groups=off&renderer=webgl`,
    );
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1000, undefined, { timeout: 60_000 });
    const count = await explorer.page.evaluate(() => window.cy!.elements().length);
    expect(count).toBeGreaterThan(2000);
    expect(await explorer.page.locator('#cy canvas[data-id="layer3-webgl"]').count()).toBe(1);
    expect(await explorer.page.textContent('#status')).toMatch(/Showing 2000 of at least/);
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('bench-org-0-3').emit('tap');
    });
    await explorer.page.waitForSelector('#details h2');
    expect(await explorer.page.textContent('#details h2')).toBe('Bench Org 0-3');
  });

  it('by default draws a large view on the 2D canvas, a still picture while it moves', async () => {
    await explorer.page.goto(`${explorer.url}/?root=bench-org-0-3&depth=6&limit=2000&asOf=2024-01-01&groups=off`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1000, undefined, { timeout: 60_000 });
    expect(await explorer.page.evaluate(() => window.cy!.elements().length)).toBeGreaterThan(2000);
    expect(await explorer.page.locator('#cy canvas[data-id="layer3-webgl"]').count()).toBe(0);
    expect(await explorer.page.evaluate(() => window.cy!.data('large'))).toBe(true); // drawn with textureOnViewport and hideEdgesOnViewport
  });
});
