// The explorer as a keyboard, screen-reader or colour-blind user meets it: axe-core's WCAG 2.1 A/AA rules on every state,
// every view as a table, a keyboard path through the graph, and link types that differ without colour.
import { AxeBuilder } from '@axe-core/playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserMissing, useExplorerOnFixtures } from './browser.js';

let context: BrowserContext;
let page: Page;

/** WCAG 2.0 and 2.1, levels A and AA: what the explorer promises. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(WCAG_AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join(' | ')}`,
  );
}

describe.skipIf(browserMissing !== null)('the explorer for everyone (Chromium, axe-core)', () => {
  const api = useExplorerOnFixtures();
  beforeEach(async () => {
    context = await api.browser.newContext({
      viewport: { width: 1400, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
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

  it('has no WCAG 2.1 A/AA violation on the welcome page', async () => {
    await page.goto(api.url);
    await page.waitForSelector('#welcome button');
    expect(await violations(page)).toEqual([]);
  });

  it('has no violation on a cascade with an organisation, its details and audit panel open', async () => {
    await page.goto(`${api.url}/?root=ex-taskora&depth=1&sel=ex-taskora`);
    await page.waitForSelector('#audit-panel .badge[data-verdict]');
    await waitIdle();
    expect(await violations(page)).toEqual([]);
  });

  it('has no violation on a provenance view with a link selected, nor with evidence highlighted', async () => {
    await page.goto(
      `${api.url}/?root=ex-task-voice-transcription&view=provenance&sel=SUBCONTRACTS_FOR:ex-broker-%3Eex-vocalis`,
    );
    await page.waitForSelector('#details .no-source');
    await waitIdle();
    expect(await violations(page)).toEqual([]);
    await page.goto(`${api.url}/?root=ex-nexa&depth=1&hl=claim:ex-claim-taskora-intermediary`);
    await page.waitForFunction(() => (window.cy?.$('edge.highlight').length ?? 0) > 0);
    await waitIdle();
    expect(await violations(page)).toEqual([]); // A connections view at an earlier date (the time slider moved).
    await page.goto(`${api.url}/?root=ex-pool-fr-home&to=ex-megacorp&view=connections&asOf=2023-01-01`);
    await page.waitForFunction(() => (window.cy?.edges().length ?? 0) > 0);
    await waitIdle();
    expect(await violations(page)).toEqual([]);
  });

  it('has no violation with the view shown as tables, and none with the graph in keyboard focus', async () => {
    await page.goto(`${api.url}/?root=ex-task-voice-transcription&view=provenance&as=table`);
    await page.waitForSelector('#table-view table tbody tr');
    await waitIdle();
    await page.waitForFunction(() => !document.getElementById('table-view')!.textContent!.includes('loading…'));
    expect(await violations(page)).toEqual([]);
    await page.goto(`${api.url}/?root=ex-pool-fr-home&depth=1`);
    await waitIdle();
    await page.focus('#cy');
    await page.waitForFunction(() => document.getElementById('announcer')!.textContent !== '');
    expect(await violations(page)).toEqual([]);
  });

  it('shows any view as tables, filtered like the graph, sortable, linked to the selection both ways, and copies them', async () => {
    await page.goto(`${api.url}/?root=ex-task-voice-transcription&view=provenance&hideTypes=FEEDS`);
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 5);
    await waitIdle();
    const onScreen = await page.evaluate(() => ({
      nodes: window.cy!.nodes().length,
      edges: window.cy!.edges().length,
    }));
    await page.click('#as-table');
    await page.waitForSelector('#table-view table');
    expect(page.url()).toContain('as=table');
    expect(await page.getAttribute('#as-table', 'aria-pressed')).toBe('true');
    const rows = (t: string) =>
      page.$$eval(`[data-table="${t}"] tbody tr[data-id]`, (trs) => trs.map((tr) => tr.getAttribute('data-id')!));
    expect((await rows('entities')).length).toBe(onScreen.nodes);
    expect((await rows('links')).length).toBe(onScreen.edges);
    expect((await rows('links')).some((id) => id.startsWith('FEEDS:'))).toBe(false);
    // Entities get their own sources; a link without any says so.
    await page.waitForFunction(() => !document.getElementById('table-view')!.textContent!.includes('loading…'));
    expect(
      await page.textContent('[data-table="links"] tr[data-id="SUBCONTRACTS_FOR:ex-broker->ex-vocalis"]'),
    ).toContain('no source given');
    expect(
      await page.textContent('[data-table="links"] tr[data-id="CONTRACTED_BY:ex-pool-fr-home->ex-taskora"]'),
    ).toContain('Taskora terms of service (fictional)');

    // Sorting by price, then the other way; the header says the order.
    await page.click('[data-table="links"] button[data-sort="price"]');
    expect(await page.getAttribute('[data-table="links"] th:has(button[data-sort="price"])', 'aria-sort')).toBe(
      'ascending',
    );
    const prices = () =>
      page.$$eval('[data-table="links"] tbody tr[data-id] td.num:nth-of-type(5)', (tds) =>
        tds.map((td) => td.textContent!).filter((t) => t !== ''),
      );
    const ascending = await prices();
    expect(ascending.length).toBeGreaterThan(1);
    const values = ascending.map((p) => Number(p.replace('€', '')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.click('[data-table="links"] button[data-sort="price"]');
    expect(await page.getAttribute('[data-table="links"] th:has(button[data-sort="price"])', 'aria-sort')).toBe(
      'descending',
    );
    expect(await prices()).toEqual([...ascending].reverse());

    // A row selects the element in the graph (and shows its details); a tap in the graph marks its row.
    await page.click('[data-table="entities"] button[data-select="ex-taskora"]');
    await page.waitForFunction(
      () =>
        window
          .cy!.$(':selected')
          .map((e) => e.id())
          .join() === 'ex-taskora',
    );
    // The provenance summary stays in the panel until the entity's details arrive.
    await page.waitForFunction(() => !document.querySelector('#details h2')?.textContent?.startsWith('Provenance of'));
    expect(await page.textContent('#details h2')).toBe('Taskora');
    expect(page.url()).toContain('sel=ex-taskora');
    await page.evaluate(() => {
      window.cy!.getElementById('ex-clicklink').emit('tap');
    });
    await page.waitForSelector('[data-table="entities"] tr[data-id="ex-clicklink"][aria-selected="true"]');
    expect(
      await page.$$eval('#table-view tr[aria-selected="true"]', (trs) => trs.map((tr) => tr.getAttribute('data-id'))),
    ).toEqual(['ex-clicklink']);

    // Copy as CSV and as Markdown: what lands on the clipboard is the table on screen.
    await page.click('button[data-copy="csv"][data-table="entities"]');
    await page.waitForFunction(() =>
      /Copied \d+ rows of entities as CSV/.test(document.getElementById('status')!.textContent!),
    );
    const csv = await page.evaluate(() => navigator.clipboard.readText());
    expect(csv.split('\r\n')[0]).toBe('Name,Kind,Country,Pay as reported,Pay ÷ legal minimum,Sources');
    expect(csv.trim().split('\r\n').length).toBe(onScreen.nodes + 1);
    expect(csv).toContain('Taskora');
    await page.click('button[data-copy="markdown"][data-table="links"]');
    await page.waitForFunction(() => /as Markdown/.test(document.getElementById('status')!.textContent!));
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md.split('\n').slice(0, 2)).toEqual([
      '| From | Link | To | Valid from | Valid until | Price per unit | Disclosed to workers | Confidence | Sources |',
      '| --- | --- | --- | --- | --- | ---: | --- | ---: | --- |',
    ]);
    expect(md.split('\n').length).toBe(onScreen.edges + 2);
    await page.screenshot({ path: 'test-results/table.png' });

    // Back to the graph, same selection.
    await page.click('#as-table');
    expect(await page.isHidden('#table-view')).toBe(true);
    expect(page.url()).not.toContain('as=table');
    expect(await page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()))).toEqual(['ex-clicklink']);
  });

  it('walks the graph with the keyboard: arrows along links, announced; Enter for details; + and − expand and collapse; Escape to search', async () => {
    const announced = () =>
      page
        .waitForFunction((before) => {
          const t = document.getElementById('announcer')!.textContent!;
          return t !== '' && t !== before ? t : null;
        }, '')
        .then((h) => h.jsonValue() as Promise<string>);
    const press = async (key: string) => {
      const before = await page.textContent('#announcer');
      await page.keyboard.press(key);
      return (
        await page.waitForFunction((b) => {
          const t = document.getElementById('announcer')!.textContent!;
          return t !== '' && t !== b ? t : null;
        }, before)
      ).jsonValue() as Promise<string>;
    };
    await page.goto(`${api.url}/?root=ex-pool-fr-home&depth=1`);
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 3);
    await waitIdle();
    // Reached with Tab like any control: search, the time slider, the buttons and the sidebar come first.
    await page.focus('#search');
    let tabs = 0;
    while (tabs < 60 && !(await page.evaluate(() => document.activeElement?.id === 'cy'))) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cy');
    expect(await announced()).toMatch(
      /^Home-based transcribers in France \(ClickLink sign-ups\), worker pool \(a group\), FR\. Linked to \d+ on screen\.$/,
    );
    expect(await page.evaluate(() => window.cy!.$('.kbd-focus').map((e) => e.id()))).toEqual(['ex-pool-fr-home']);

    // The task is to the left of its workers, the platforms to their right.
    expect(await press('ArrowLeft')).toMatch(
      /^Transcribe voice-assistant snippets, task\. Transcribe voice-assistant snippets is performed by Home-based transcribers in France \(ClickLink sign-ups\)\./,
    );
    expect(await press('ArrowLeft')).toBe('No linked node to the left.');
    await press('ArrowRight');
    const right = await press('ArrowRight');
    expect(right).toMatch(/platform|vendor/);
    expect(right).toMatch(
      /Home-based transcribers in France \(ClickLink sign-ups\) (is recruited via|is contracted by|works on) /,
    );
    const focusedId = await page.evaluate(() => window.cy!.$('.kbd-focus').map((e) => e.id())[0]!);
    expect(['ex-clicklink', 'ex-taskora', 'ex-annotapro']).toContain(focusedId);

    // + expands the node in focus (in the URL too), − collapses it.
    const before = await page.evaluate(() => window.cy!.nodes().length);
    await page.keyboard.press('+');
    await page.waitForFunction((n) => window.cy!.nodes().length > n, before);
    expect(new URL(page.url()).searchParams.getAll('exp')).toEqual([focusedId]);
    await page.keyboard.press('-');
    await page.waitForFunction((n) => window.cy!.nodes().length === n, before);
    expect(new URL(page.url()).searchParams.getAll('exp')).toEqual([]);

    // Enter shows its details and moves there; Escape in the graph goes back to search.
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details h2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details');
    expect(await page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()))).toEqual([focusedId]);
    await page.focus('#cy');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  it('tells every link type apart without colour: legend samples stay distinct in greyscale', async () => {
    await page.goto(api.url);
    await page.waitForSelector('#legend li[data-link-type] svg');
    // Achromatopsia, the strictest simulation: no hue at all, only lightness, line style and shape remain.
    await page.addStyleTag({ content: '#legend svg { filter: grayscale(1); background: #fff; }' });
    const samples = async (selector: string) => {
      const items = await page.$$(selector);
      const shots: { name: string; image: string }[] = [];
      for (const item of items) {
        shots.push({
          name: await item.evaluate((el) => el.parentElement!.textContent!),
          image: (await item.screenshot()).toString('base64'),
        });
      }
      return shots;
    };
    for (const selector of ['#legend li[data-link-type] svg', '#legend li[data-kind] svg']) {
      const shots = await samples(selector);
      expect(shots.length).toBeGreaterThan(8);
      const alike: string[] = [];
      for (let i = 0; i < shots.length; i++) {
        for (let j = i + 1; j < shots.length; j++)
          if (shots[i]!.image === shots[j]!.image) alike.push(`${shots[i]!.name} = ${shots[j]!.name}`);
      }
      expect(alike).toEqual([]);
    }
  });

  it('announces what happens in a live region: loading, errors, highlighted evidence', async () => {
    expect(await page.goto(`${api.url}/?root=nobody-here`).then(() => page.getAttribute('#status', 'role'))).toBe(
      'status',
    );
    await page.waitForSelector('#status .msg.error');
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
    await page.goto(`${api.url}/?root=ex-nexa&depth=1&hl=claim:ex-claim-taskora-intermediary`);
    await page.waitForFunction(() => (window.cy?.$('edge.highlight').length ?? 0) > 0);
    await waitIdle();
    expect(await page.textContent('#status')).toMatch(/[Hh]ighlight/);
  });
});
