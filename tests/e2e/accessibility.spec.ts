// The explorer as a keyboard, screen-reader or colour-blind user meets it: axe-core's WCAG 2.1 A/AA rules on every state,
// every view as a table, a keyboard path through the graph, and link types that differ without colour.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, useExplorerSession } from './explorer-session.js';

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
  const explorer = useExplorerSession({ context: { permissions: ['clipboard-read', 'clipboard-write'] } });

  it('has no WCAG 2.1 A/AA violation on the welcome page', async () => {
    await explorer.page.goto(explorer.url);
    await explorer.page.waitForSelector('#welcome button');
    expect(await violations(explorer.page)).toEqual([]);
  });

  it('has no violation on a cascade with an organisation, its details and audit panel open', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&sel=ex-taskora`);
    await explorer.page.waitForSelector('#audit-panel .badge[data-verdict]');
    await explorer.waitIdle();
    expect(await violations(explorer.page)).toEqual([]);
  });

  it('has no violation on a provenance view with a link selected, nor with evidence highlighted', async () => {
    await explorer.page.goto(
      `${explorer.url}/?root=ex-task-voice-transcription&view=provenance&sel=SUBCONTRACTS_FOR:ex-broker-%3Eex-vocalis`,
    );
    await explorer.page.waitForSelector('#details .no-source');
    await explorer.waitIdle();
    expect(await violations(explorer.page)).toEqual([]);
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1&hl=claim:ex-claim-taskora-intermediary`);
    await explorer.page.waitForFunction(() => (window.cy?.$('edge.highlight').length ?? 0) > 0);
    await explorer.waitIdle();
    expect(await violations(explorer.page)).toEqual([]); // A connections view at an earlier date (the time slider moved).
    await explorer.page.goto(`${explorer.url}/?root=ex-pool-fr-home&to=ex-megacorp&view=connections&asOf=2023-01-01`);
    await explorer.page.waitForFunction(() => (window.cy?.edges().length ?? 0) > 0);
    await explorer.waitIdle();
    expect(await violations(explorer.page)).toEqual([]);
  });

  it('has no violation with the view shown as tables, and none with the graph in keyboard focus', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-task-voice-transcription&view=provenance&as=table`);
    await explorer.page.waitForSelector('#table-view table tbody tr');
    await explorer.waitIdle();
    await explorer.page.waitForFunction(
      () => !document.getElementById('table-view')!.textContent!.includes('loading…'),
    );
    expect(await violations(explorer.page)).toEqual([]);
    await explorer.page.goto(`${explorer.url}/?root=ex-pool-fr-home&depth=1`);
    await explorer.waitIdle();
    await explorer.page.focus('#cy');
    await explorer.page.waitForFunction(() => document.getElementById('announcer')!.textContent !== '');
    expect(await violations(explorer.page)).toEqual([]);
  });

  it('shows any view as tables, filtered like the graph, sortable, linked to the selection both ways, and copies them', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-task-voice-transcription&view=provenance&hideTypes=FEEDS`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 5);
    await explorer.waitIdle();
    const onScreen = await explorer.page.evaluate(() => ({
      nodes: window.cy!.nodes().length,
      edges: window.cy!.edges().length,
    }));
    await explorer.page.click('#as-table');
    await explorer.page.waitForSelector('#table-view table');
    expect(explorer.page.url()).toContain('as=table');
    expect(await explorer.page.getAttribute('#as-table', 'aria-pressed')).toBe('true');
    const rows = (t: string) =>
      explorer.page.$$eval(`[data-table="${t}"] tbody tr[data-id]`, (trs) =>
        trs.map((tr) => tr.getAttribute('data-id')!),
      );
    expect((await rows('entities')).length).toBe(onScreen.nodes);
    expect((await rows('links')).length).toBe(onScreen.edges);
    expect((await rows('links')).some((id) => id.startsWith('FEEDS:'))).toBe(false);
    // Entities get their own sources; a link without any says so.
    await explorer.page.waitForFunction(
      () => !document.getElementById('table-view')!.textContent!.includes('loading…'),
    );
    expect(
      await explorer.page.textContent('[data-table="links"] tr[data-id="SUBCONTRACTS_FOR:ex-broker->ex-vocalis"]'),
    ).toContain('no source given');
    expect(
      await explorer.page.textContent('[data-table="links"] tr[data-id="CONTRACTED_BY:ex-pool-fr-home->ex-taskora"]'),
    ).toContain('Taskora terms of service (fictional)');

    // Sorting by price, then the other way; the header says the order.
    await explorer.page.click('[data-table="links"] button[data-sort="price"]');
    expect(
      await explorer.page.getAttribute('[data-table="links"] th:has(button[data-sort="price"])', 'aria-sort'),
    ).toBe('ascending');
    const prices = () =>
      explorer.page.$$eval('[data-table="links"] tbody tr[data-id] td.num:nth-of-type(5)', (tds) =>
        tds.map((td) => td.textContent!).filter((t) => t !== ''),
      );
    const ascending = await prices();
    expect(ascending.length).toBeGreaterThan(1);
    const values = ascending.map((p) => Number(p.replace('€', '')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await explorer.page.click('[data-table="links"] button[data-sort="price"]');
    expect(
      await explorer.page.getAttribute('[data-table="links"] th:has(button[data-sort="price"])', 'aria-sort'),
    ).toBe('descending');
    expect(await prices()).toEqual([...ascending].reverse());

    // A row selects the element in the graph (and shows its details); a tap in the graph marks its row.
    await explorer.page.click('[data-table="entities"] button[data-select="ex-taskora"]');
    await explorer.page.waitForFunction(
      () =>
        window
          .cy!.$(':selected')
          .map((e) => e.id())
          .join() === 'ex-taskora',
    );
    // The provenance summary stays in the panel until the entity's details arrive.
    await explorer.page.waitForFunction(
      () => !document.querySelector('#details h2')?.textContent?.startsWith('Provenance of'),
    );
    expect(await explorer.page.textContent('#details h2')).toBe('Taskora');
    expect(explorer.page.url()).toContain('sel=ex-taskora');
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-clicklink').emit('tap');
    });
    await explorer.page.waitForSelector('[data-table="entities"] tr[data-id="ex-clicklink"][aria-selected="true"]');
    expect(
      await explorer.page.$$eval('#table-view tr[aria-selected="true"]', (trs) =>
        trs.map((tr) => tr.getAttribute('data-id')),
      ),
    ).toEqual(['ex-clicklink']);

    // Copy as CSV and as Markdown: what lands on the clipboard is the table on screen.
    await explorer.page.click('button[data-copy="csv"][data-table="entities"]');
    await explorer.page.waitForFunction(() =>
      /Copied \d+ rows of entities as CSV/.test(document.getElementById('status')!.textContent!),
    );
    const csv = await explorer.page.evaluate(() => navigator.clipboard.readText());
    expect(csv.split('\r\n')[0]).toBe('Name,Kind,Country,Pay as reported,Pay ÷ legal minimum,Sources');
    expect(csv.trim().split('\r\n').length).toBe(onScreen.nodes + 1);
    expect(csv).toContain('Taskora');
    await explorer.page.click('button[data-copy="markdown"][data-table="links"]');
    await explorer.page.waitForFunction(() => /as Markdown/.test(document.getElementById('status')!.textContent!));
    const md = await explorer.page.evaluate(() => navigator.clipboard.readText());
    expect(md.split('\n').slice(0, 2)).toEqual([
      '| From | Link | To | Valid from | Valid until | Price per unit | Disclosed to workers | Confidence | Sources |',
      '| --- | --- | --- | --- | --- | ---: | --- | ---: | --- |',
    ]);
    expect(md.split('\n').length).toBe(onScreen.edges + 2);
    await explorer.page.screenshot({ path: 'test-results/table.png' });

    // Back to the graph, same selection.
    await explorer.page.click('#as-table');
    expect(await explorer.page.isHidden('#table-view')).toBe(true);
    expect(explorer.page.url()).not.toContain('as=table');
    expect(await explorer.page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()))).toEqual(['ex-clicklink']);
  });

  it('walks the graph with the keyboard: arrows along links, announced; Enter for details; + and − expand and collapse; Escape to search', async () => {
    const announced = () =>
      explorer.page
        .waitForFunction((before) => {
          const t = document.getElementById('announcer')!.textContent!;
          return t !== '' && t !== before ? t : null;
        }, '')
        .then((h) => h.jsonValue() as Promise<string>);
    const press = async (key: string) => {
      const before = await explorer.page.textContent('#announcer');
      await explorer.page.keyboard.press(key);
      return (
        await explorer.page.waitForFunction((b) => {
          const t = document.getElementById('announcer')!.textContent!;
          return t !== '' && t !== b ? t : null;
        }, before)
      ).jsonValue() as Promise<string>;
    };
    await explorer.page.goto(`${explorer.url}/?root=ex-pool-fr-home&depth=1`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 3);
    await explorer.waitIdle();
    // Reached with Tab like any control: search, the time slider, the buttons and the sidebar come first.
    await explorer.page.focus('#search');
    let tabs = 0;
    while (tabs < 60 && !(await explorer.page.evaluate(() => document.activeElement?.id === 'cy'))) {
      await explorer.page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(await explorer.page.evaluate(() => document.activeElement?.id)).toBe('cy');
    expect(await announced()).toMatch(
      /^Home-based transcribers in France \(ClickLink sign-ups\), worker pool \(a group\), FR\. Linked to \d+ on screen\.$/,
    );
    expect(await explorer.page.evaluate(() => window.cy!.$('.kbd-focus').map((e) => e.id()))).toEqual([
      'ex-pool-fr-home',
    ]);

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
    const focusedId = await explorer.page.evaluate(() => window.cy!.$('.kbd-focus').map((e) => e.id())[0]!);
    expect(['ex-clicklink', 'ex-taskora', 'ex-annotapro']).toContain(focusedId);

    // + expands the node in focus (in the URL too), − collapses it.
    const before = await explorer.page.evaluate(() => window.cy!.nodes().length);
    await explorer.page.keyboard.press('+');
    await explorer.page.waitForFunction((n) => window.cy!.nodes().length > n, before);
    expect(new URL(explorer.page.url()).searchParams.getAll('exp')).toEqual([focusedId]);
    await explorer.page.keyboard.press('-');
    await explorer.page.waitForFunction((n) => window.cy!.nodes().length === n, before);
    expect(new URL(explorer.page.url()).searchParams.getAll('exp')).toEqual([]);

    // Enter shows its details and moves there; Escape in the graph goes back to search.
    await explorer.page.keyboard.press('Enter');
    await explorer.page.waitForSelector('#details h2');
    expect(await explorer.page.evaluate(() => document.activeElement?.id)).toBe('details');
    expect(await explorer.page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()))).toEqual([focusedId]);
    await explorer.page.focus('#cy');
    await explorer.page.keyboard.press('Escape');
    expect(await explorer.page.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  it('tells every link type apart without colour: legend samples stay distinct in greyscale', async () => {
    await explorer.page.goto(explorer.url);
    await explorer.page.waitForSelector('#legend li[data-link-type] svg');
    // Achromatopsia, the strictest simulation: no hue at all, only lightness, line style and shape remain.
    await explorer.page.addStyleTag({ content: '#legend svg { filter: grayscale(1); background: #fff; }' });
    const samples = async (selector: string) => {
      const items = await explorer.page.$$(selector);
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
    expect(
      await explorer.page
        .goto(`${explorer.url}/?root=nobody-here`)
        .then(() => explorer.page.getAttribute('#status', 'role')),
    ).toBe('status');
    await explorer.page.waitForSelector('#status .msg.error');
    expect(await explorer.page.getAttribute('#status', 'aria-live')).toBe('polite');
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1&hl=claim:ex-claim-taskora-intermediary`);
    await explorer.page.waitForFunction(() => (window.cy?.$('edge.highlight').length ?? 0) > 0);
    await explorer.waitIdle();
    expect(await explorer.page.textContent('#status')).toMatch(/[Hh]ighlight/);
  });
});
