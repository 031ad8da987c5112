// Investigation tools in a real Chromium: undo and redo of exploration steps, the timeline of the links in view, and
// saved investigations with notes, reopened by their link, and their report.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { createToken } from '../../server/auth/token-store.js';
import { ledgerHead } from '../../server/history/ledger-verify.js';
import { describe, expect, it } from 'vitest';
import { browserMissing, useExplorerSession, openSharedLink } from './explorer-session.js';

describe.skipIf(browserMissing !== null)('investigation tools in Chromium', () => {
  const explorer = useExplorerSession();

  it('undoes and redoes the steps of an exploration: expand, filter, re-root', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    await explorer.waitIdle();
    expect(await explorer.page.isDisabled('#undo')).toBe(true);
    const base = await explorer.ids();
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-broker').emit('dbltap');
    });
    await explorer.page.waitForFunction(() => window.cy!.getElementById('ex-vocalis').length === 1);
    await explorer.page.uncheck('#type-filters input[value="SUBCONTRACTS_FOR"]');
    await explorer.page.waitForFunction(
      () => new URL(location.href).searchParams.get('hideTypes') === 'SUBCONTRACTS_FOR',
    );
    // A selection is not a step: undo skips it.
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-nexa').emit('tap');
    });

    await explorer.page.click('#undo'); // the filter
    await explorer.page.waitForFunction(() => !new URL(location.href).searchParams.has('hideTypes'));
    expect(await explorer.page.isChecked('#type-filters input[value="SUBCONTRACTS_FOR"]')).toBe(true);
    expect(await explorer.ids()).toContain('ex-vocalis');
    await explorer.page.keyboard.press('Control+z'); // the expansion, from the keyboard
    await explorer.page.waitForFunction(() => window.cy!.getElementById('ex-vocalis').length === 0);
    expect(await explorer.ids()).toEqual(base);
    expect(await explorer.page.isDisabled('#undo')).toBe(true);
    expect(await explorer.page.textContent('#status')).toMatch(/Collapsed 1 node/); // the status says what the undo did

    await explorer.page.click('#redo'); // the expansion again
    await explorer.page.waitForFunction(() => window.cy!.getElementById('ex-vocalis').length === 1);
    expect(new URL(explorer.page.url()).searchParams.getAll('exp')).toEqual(['ex-broker']);
    // A new step drops what could have been redone.
    await explorer.page.selectOption('#depth', '3');
    await explorer.page.waitForFunction(() => new URL(location.href).searchParams.get('depth') === '3');
    expect(await explorer.page.isDisabled('#redo')).toBe(true);
  });

  it('draws a timeline of the links in view: a bar per link, hover highlights it, a year moves the date', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&dir=OUTGOING`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    await explorer.waitIdle();
    await explorer.page.click('#timeline-toggle');
    await explorer.page.waitForSelector('#timeline svg.timeline');
    expect(await explorer.page.getAttribute('#timeline-toggle', 'aria-pressed')).toBe('true');
    const bars = () =>
      explorer.page.$$eval('#timeline g.tl-bar', (gs) => gs.map((g) => g.getAttribute('data-id')).sort());
    expect(await bars()).toEqual(await explorer.ids('edge'));
    expect(
      await explorer.page.getAttribute(
        '#timeline g.tl-bar[data-id="SUBCONTRACTS_FOR:ex-taskora->ex-nexa"]',
        'aria-label',
      ),
    ).toBe('Taskora subcontracts for Nexa Data, from 2021-07-01 with no known end');

    await explorer.page.hover('#timeline g.tl-bar[data-id="SUBCONTRACTS_FOR:ex-taskora->ex-nexa"] rect');
    await explorer.page.waitForFunction(() => window.cy!.$('edge.highlight').length === 1);
    expect(await explorer.ids('edge.highlight')).toEqual(['SUBCONTRACTS_FOR:ex-taskora->ex-nexa']);
    expect(await explorer.ids('node.highlight')).toEqual(['ex-nexa', 'ex-taskora']);

    // 1 January 2020: Taskora then worked for DataVolt (2019-01 to 2021-06-30), not yet for Nexa.
    await explorer.page.click('#timeline button[data-date="2020-01-01"]');
    await explorer.page.waitForFunction(() => window.cy!.getElementById('ex-datavolt').length === 1);
    await explorer.waitIdle();
    expect(explorer.page.url()).toContain('asOf=2020-01-01');
    expect(await explorer.ids()).toEqual(['ex-datavolt', 'ex-taskora']);
    expect(await explorer.page.getAttribute('#timeline button[data-date="2020-01-01"]', 'aria-current')).toBe('true');
    expect(await bars()).toEqual(['SUBCONTRACTS_FOR:ex-taskora->ex-datavolt']);
    expect(await explorer.page.inputValue('#asof')).not.toBe('');
    expect(await explorer.page.textContent('#asof-label')).toBe('2020-01-01');
    const axe = await new AxeBuilder({ page: explorer.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await explorer.page.screenshot({ path: 'test-results/timeline.png' });
  });

  it('saves an investigation with notes, reopens it from its link in another tab, and writes its report', async () => {
    const token = await createToken(explorer.db, 'Investigating reader', 'reader', 'test');
    await explorer.page.goto(`${explorer.url}/?root=ex-pool-mg-annotators&depth=2`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-datavolt').length === 1);
    await explorer.waitIdle();
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-datavolt').emit('tap');
    });
    await explorer.page.click('#note-tools button[data-note="ex-datavolt"]');
    await explorer.page.fill(
      '#note-text',
      'The vendor between the team and the client: check its 2019 registry extract.',
    );
    await explorer.page.click('#investigation-dialog button[type=submit]');
    await explorer.page.waitForSelector('#note-tools blockquote.item-note');
    expect(await explorer.page.evaluate(() => window.cy!.getElementById('ex-datavolt').hasClass('noted'))).toBe(true);

    await explorer.page.click('#save-investigation'); // not signed in yet: the sign-in comes first
    await explorer.page.fill('#edit-token', token);
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('#signed-in:not([hidden])');
    await explorer.page.click('#save-investigation');
    await explorer.page.fill('#inv-name', 'Who orders the Madagascar annotation? (fictional)');
    await explorer.page.fill('#inv-notes', 'Start from the team; follow the money up.');
    await explorer.page.click('#investigation-dialog button[type=submit]');
    await explorer.page.waitForSelector('#investigation-link');
    const link = (await explorer.page.getAttribute('#investigation-link', 'href'))!;
    expect(link).toMatch(/\?investigation=[0-9a-f-]{36}$/);
    expect(await explorer.page.textContent('#investigation-name')).toContain(
      'Investigation: Who orders the Madagascar annotation? (fictional)',
    );

    // Another tab knows no token: it asks for one, then opens the same view, selection and note.
    const other = await openSharedLink(explorer.context, link, token);
    await other.waitForFunction(() => window.cy?.getElementById('ex-datavolt').hasClass('noted') === true);
    expect(new URL(other.url()).searchParams.get('root')).toBe('ex-pool-mg-annotators');
    expect(new URL(other.url()).searchParams.get('sel')).toBe('ex-datavolt');
    await other.waitForSelector('#note-tools blockquote.item-note');
    expect(await other.textContent('#note-tools')).toContain('check its 2019 registry extract');
    expect(await other.textContent('#investigation-name')).toMatch(
      /^Investigation: Who orders the Madagascar annotation\? \(fictional\)Saved with links valid on \d{4}-\d{2}-\d{2}, as recorded on \d{1,2} \w+ \d{4}, \d{2}:\d{2}:\d{2} UTC\.Start from the team; follow the money up\.$/,
    );

    await other.screenshot({ path: 'test-results/investigation.png' });
    const [download] = await Promise.all([other.waitForEvent('download'), other.click('#report')]);
    expect(download.suggestedFilename()).toBe('investigation-who-orders-the-madagascar-annotation-fictional.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('<h1>Who orders the Madagascar annotation? (fictional)</h1>');
    expect(html).toContain('Start from the team; follow the money up.');
    expect(html).toContain('check its 2019 registry extract');
    expect(html).toMatch(/<img src="data:image\/png;base64,/);
    expect(html).toContain(link);
    expect(html).toMatch(/Links valid on <strong>\d{4}-\d{2}-\d{2}<\/strong>/);
    // The ledger's head, as `deep-labour verify` names it (the store holds only published changes here).
    const head = (await ledgerHead(explorer.db))!;
    // The investigation was saved as recorded at that moment; the head printed is the store's when the report was made.
    expect(html).toContain(
      ` UTC</strong> (imports, edits and removals after that moment left out). The store when the report was made: evidence as of change ${head.seq}, ledger hash ${head.hash}. Report made`,
    );
    expect(html).toContain('Group interviews with annotation and moderation teams (fictional)'); // the pool's source
    expect(html).toContain('DataVolt'); // its claims are judged: the vendor is in the view
    expect(html).toMatch(/<td class="(bad|good|)">(contradicted|supported|unverifiable)<\/td>/);
    const axe = await new AxeBuilder({ page: other }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
