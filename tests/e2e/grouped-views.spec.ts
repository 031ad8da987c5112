// A large neighbourhood in Chromium opens grouped, never as a hairball: groups carry their counts, open and close on a
// double-click or Enter, can be searched inside, read as tables, and leave axe at zero; `groups=off` draws every member.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syntheticCascade } from '../../bench/synthetic-cascade.js';
import { importValid } from '../support/load-dataset.js';
import { browserMissing, useExplorerSession } from './explorer-session.js';

const VIEW = '?root=bench-org-0-3&depth=6&limit=2000&asOf=2024-01-01';

describe.skipIf(browserMissing !== null)('grouped views in Chromium', () => {
  const explorer = useExplorerSession({
    seed: async (db) => {
      await importValid(
        db,
        syntheticCascade({ organizations: 300, pools: 800, tasks: 100, layers: 6 }),
        'synthetic cascade',
      );
    },
    env: { QUERY_TIMEOUT_MS: '120000' },
    pagePer: 'file',
  });

  // Drawn: the title names the view and nothing is loading.
  const idle = () =>
    explorer.page.waitForFunction(
      () =>
        document.getElementById('view-title')!.textContent!.startsWith('Around') &&
        document.getElementById('graph-area')!.getAttribute('aria-busy') === 'false' &&
        (window.cy?.nodes().length ?? 0) > 0,
      undefined,
      { timeout: 120_000 },
    );
  const groupCounts = () =>
    explorer.page.evaluate(() =>
      window
        .cy!.nodes()
        .filter((n) => n.id().startsWith('group:'))
        .map((n) => n.data('label') as string),
    );

  it('opens a neighbourhood of more than 300 items grouped, with the counts the API gives', async () => {
    // Asked first (its plan is then made): the groups the API gives, for the view the page opens.
    const r = await fetch(`${explorer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ cascadeGroups(rootId: "bench-org-0-3", maxDepth: 6, limit: 2000, asOf: "2024-01-01") { groupedNodes groups { id members } } }',
      }),
    });
    const { data } = (await r.json()) as {
      data: { cascadeGroups: { groupedNodes: number; groups: { id: string; members: number }[] } };
    };
    await explorer.page.goto(`${explorer.url}/${VIEW}`);
    await idle();
    const drawn = await explorer.page.evaluate(() => window.cy!.elements().length);
    expect(drawn).toBeLessThanOrEqual(300);
    expect(await explorer.page.textContent('#view-title')).toMatch(/grouped: [\d,]+ entities in \d+ groups/);
    // The counts on the groups add up to what the API grouped (the root drawn as itself).
    expect(data.cascadeGroups.groupedNodes).toBeGreaterThan(300);
    const names = await groupCounts();
    expect(names.length).toBe(data.cascadeGroups.groups.length - 1);
    const shown = names.reduce((n, name) => n + Number(/\(([\d,]+)\)$/.exec(name)![1]!.replace(/,/g, '')), 0);
    expect(shown + 1).toBe(data.cascadeGroups.groupedNodes);
    expect(await violations(explorer.page)).toEqual([]);
  }, 240_000);

  it('opens a group on a double-click and closes it on another', async () => {
    const before = await explorer.page.evaluate(() => window.cy!.nodes().length);
    const group = await explorer.page.evaluate(() =>
      window
        .cy!.nodes()
        .filter((n) => n.id().startsWith('group:worker-pool/'))
        .first()
        .id(),
    );
    await explorer.page.evaluate((id) => {
      window.cy!.getElementById(id).emit('dbltap');
    }, group);
    await explorer.page.waitForFunction((n) => window.cy!.nodes().length > n, before, { timeout: 60_000 });
    await idle();
    expect(
      await explorer.page.evaluate(
        (id) => window.cy!.getElementById(id).connectedEdges('[type = "PART_OF"]').length,
        group,
      ),
    ).toBeGreaterThan(0);
    await explorer.page.evaluate((id) => {
      window.cy!.getElementById(id).emit('dbltap');
    }, group);
    await explorer.page.waitForFunction((n) => window.cy!.nodes().length === n, before, { timeout: 60_000 });
  }, 120_000);

  it('searches inside a selected group, by keyboard, and the result centres the view on it', async () => {
    const group = await explorer.page.evaluate(() =>
      window
        .cy!.nodes()
        .filter((n) => n.id().startsWith('group:vendor/'))
        .first()
        .id(),
    );
    await explorer.page.evaluate((id) => {
      window.cy!.getElementById(id).emit('tap');
    }, group);
    await explorer.page.waitForSelector('#details form[data-group] input');
    await explorer.page.focus('#details form[data-group] input');
    await explorer.page.keyboard.type('Bench Org');
    await explorer.page.keyboard.press('Enter');
    await explorer.page.waitForFunction(
      () => {
        const t = document.querySelector('#details .group-found')?.textContent ?? '';
        return t !== '' && t !== 'Searching…';
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await explorer.page.textContent('#details .group-found')).toMatch(/found/);
    expect(await explorer.page.locator('#details .group-found button[data-action="center"]').count()).toBeGreaterThan(
      0,
    );
    expect(await violations(explorer.page)).toEqual([]);
  }, 120_000);

  it('reads the groups as tables, and draws every member when asked', async () => {
    await explorer.page.goto(`${explorer.url}/${VIEW}&as=table`);
    await idle();
    await explorer.page.waitForFunction(() =>
      document.getElementById('table-view')!.textContent!.includes('Worker pools in'),
    );
    expect(await violations(explorer.page)).toEqual([]);
    await explorer.page.goto(`${explorer.url}/${VIEW}&groups=off`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 300, undefined, { timeout: 120_000 });
    expect(await explorer.page.textContent('#view-title')).not.toMatch(/grouped/);
  }, 240_000);
});

async function violations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
