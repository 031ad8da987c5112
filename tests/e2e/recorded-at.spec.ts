// "As recorded on" in a real Chromium (#29.2): an import made after moment T shows in the default view and not with
// the control set to T; the URL carries the moment and a reload shows the same; a saved investigation and its report
// say both times, and a colleague opening the link sees what its author saw; the selected entity's details are read as
// recorded at T too, and say so, and so is its history.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { upsertRecord } from '../../server/curation/curate.js';
import { importDataset, validateDataset } from '../../server/dataset/index.js';
import { browserMissing, useExplorerSession, openSharedLink } from './explorer-session.js';

const LATER = 'rec-ui-later-vendor';

/** A fictional vendor working for Taskora, imported after T. */
function laterDataset() {
  const checked = validateDataset({
    format: 'deep-labour/v1',
    id: 'recorded-ui-later',
    name: 'Recorded-on browser test: a later import (fictional)',
    sources: [{ id: 'rec-ui-src', title: 'Test note (fictional)', type: 'other', date: '2024-01-15' }],
    organizations: [
      // Taskora as the fixture says it: a dataset names every record its links reach.
      { id: 'ex-taskora', name: 'Taskora', kind: 'platform', country: 'FR', sources: ['rec-ui-src'] },
      { id: LATER, name: 'Lateday Labelling (fictional)', kind: 'vendor', country: 'KE', sources: ['rec-ui-src'] },
    ],
    links: [{ id: 'rec-ui-link', type: 'SUBCONTRACTS_FOR', from: LATER, to: 'ex-taskora', sources: ['rec-ui-src'] }],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.dataset;
}

/** A moment as Chromium's datetime-local input holds it: to the second, the seconds left out when they are zero. */
function inputForm(moment: string): string {
  return moment.slice(17, 19) === '00' ? moment.slice(0, 16) : moment.slice(0, 19);
}

describe.skipIf(browserMissing !== null)('"as recorded on" in Chromium', () => {
  const explorer = useExplorerSession({ pagePer: 'file' });
  /** The moment after the fixtures and before the later import, to the second (what the control takes). */
  let T = '';

  it('shows a later import by default and not as recorded at T; the URL keeps T through a reload', async () => {
    // T: the next whole second after the fixtures' import; the later import is made once that second has passed.
    T = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000).toISOString();
    while (Date.now() <= Date.parse(T)) await new Promise((r) => setTimeout(r, 50));
    await importDataset(explorer.db, laterDataset());

    const { page } = explorer;
    await page.goto(`${explorer.url}/?root=ex-taskora&depth=1`);
    await page.waitForFunction((id) => window.cy?.getElementById(id).length === 1, LATER);
    await explorer.waitIdle();
    expect(await page.isHidden('#recorded-banner')).toBe(true);
    expect(await page.isDisabled('#recorded-now')).toBe(true);
    const now = await explorer.ids();

    // Chromium keeps a datetime-local value whose seconds are zero without them (…T13:56, not …T13:56:00) and
    // Playwright refuses a value the input does not keep, so T is typed as the input holds it (the CI of 7 December
    // failed on a T at 13:56:00).
    const typed = inputForm(T);
    await page.fill('#recorded-at', typed);
    await page.press('#recorded-at', 'Enter');
    await page.waitForFunction((id) => window.cy!.getElementById(id).length === 0, LATER);
    await explorer.waitIdle();
    expect(new URL(page.url()).searchParams.get('recordedAt')).toBe(T);
    const atT = await explorer.ids();
    expect(atT).toEqual(now.filter((id) => id !== LATER));
    const banner = await page.textContent('#recorded-banner');
    expect(banner).toMatch(
      new RegExp(`^Evidence as recorded on \\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC: later imports`),
    );
    expect(await page.isVisible('#recorded-banner')).toBe(true);

    await page.reload();
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    await explorer.waitIdle();
    expect(await explorer.ids()).toEqual(atT);
    expect(await page.inputValue('#recorded-at')).toBe(typed);
    expect(await page.isVisible('#recorded-banner')).toBe(true);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.screenshot({ path: 'test-results/recorded-at.png' });

    // "Now" returns to the store as it is: the later vendor is back, the banner gone.
    await page.click('#recorded-now');
    await page.waitForFunction((id) => window.cy!.getElementById(id).length === 1, LATER);
    expect(new URL(page.url()).searchParams.has('recordedAt')).toBe(false);
    expect(await page.isHidden('#recorded-banner')).toBe(true);
  });

  it("shows the selected entity's details as recorded at T, and says so; as it is now without T", async () => {
    // The later import asserted Taskora again, citing its own note: that is Taskora now, and not at T.
    const { page } = explorer;
    const details = async (recordedAt: string | null) => {
      const at = recordedAt ? `&recordedAt=${encodeURIComponent(recordedAt)}` : '';
      await page.goto(`${explorer.url}/?root=ex-taskora&depth=1&sel=ex-taskora${at}`);
      await page.waitForSelector('#selection-details h2');
      await explorer.waitIdle();
      return (await page.textContent('#selection-details'))!;
    };
    const now = await details(null);
    expect(now).toContain('Test note (fictional)');
    expect(now).not.toContain('As the store recorded it');
    const atT = await details(T);
    expect(atT).toMatch(
      new RegExp(
        `As the store recorded it on \\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC: its name, figures and sources then\\.`,
      ),
    );
    expect(atT).toContain('Illustrative deep-labour scenario');
    expect(atT).not.toContain('Test note (fictional)');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  it('searches names as recorded at T: the later vendor is not suggested at T, and is now', async () => {
    const { page } = explorer;
    const suggest = async (recordedAt: string | null) => {
      const at = recordedAt ? `&recordedAt=${encodeURIComponent(recordedAt)}` : '';
      await page.goto(`${explorer.url}/?root=ex-taskora&depth=1${at}`);
      await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
      await explorer.waitIdle();
      await page.fill('#search', 'Lateday');
      await page.waitForFunction(
        () =>
          !(document.querySelector('#suggestions') as HTMLElement).hidden ||
          /Nothing match/.test(document.querySelector('#status')!.textContent ?? ''),
      );
      return {
        options: await page.locator('#suggestions li').allTextContents(),
        status: (await page.textContent('#status'))!,
      };
    };
    const now = await suggest(null);
    expect(now.options.join(' ')).toContain('Lateday Labelling (fictional)');
    const atT = await suggest(T);
    expect(atT.options).toEqual([]);
    expect(atT.status).toMatch(
      new RegExp(`Nothing matched “Lateday” in the store as recorded on \\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC`),
    );
    // A name held at T is suggested at T.
    await page.fill('#search', 'Taskora');
    await page.waitForSelector('#suggestions li');
    expect((await page.locator('#suggestions li').allTextContents()).join(' ')).toContain('Taskora');
  });

  it('saves both times with an investigation, says them, and a colleague opening it later sees what its author saw', async () => {
    const token = await createToken(explorer.db, 'Recorded reader', 'reader', 'test');
    const { page } = explorer;
    await page.goto(`${explorer.url}/?root=ex-taskora&depth=1&recordedAt=${encodeURIComponent(T)}`);
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    await explorer.waitIdle();
    expect(await explorer.ids()).not.toContain(LATER);
    await page.click('#save-investigation'); // sign-in first
    await page.fill('#edit-token', token);
    await page.click('#editor button[type=submit]');
    await page.waitForSelector('#signed-in:not([hidden])');
    await page.click('#save-investigation');
    await page.fill('#inv-name', 'Taskora before the later import (fictional)');
    await page.click('#investigation-dialog button[type=submit]');
    await page.waitForSelector('#investigation-link');
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.textContent('#status')).toMatch(
      new RegExp(`: links valid on ${today}, as recorded on \\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC\\.`),
    );
    const link = (await page.getAttribute('#investigation-link', 'href'))!;

    // Another tab opens the link: both times restored (the links' day pinned to the day it was saved).
    const other = await openSharedLink(explorer.context, link, token);
    await other.waitForFunction(() => new URL(location.href).searchParams.has('recordedAt'));
    await other.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    await other.waitForFunction(() => document.getElementById('graph-area')!.getAttribute('aria-busy') === 'false');
    expect(new URL(other.url()).searchParams.get('recordedAt')).toBe(T);
    expect(new URL(other.url()).searchParams.get('asOf')).toBe(today);
    expect(await other.evaluate((id) => window.cy!.getElementById(id).length, LATER)).toBe(0);
    // The investigation's heading says both times (the status line is taken over by the view's own report once drawn).
    expect(await other.textContent('#investigation-name')).toMatch(
      new RegExp(`Saved with links valid on ${today}, as recorded on \\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC\\.`),
    );
    expect(await other.isVisible('#recorded-banner')).toBe(true);

    const [download] = await Promise.all([other.waitForEvent('download'), other.click('#report')]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(
      new RegExp(
        `Links valid on <strong>${today}</strong>, as recorded on <strong>\\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC</strong> \\(imports, edits and removals after that moment left out\\)\\. The store when the report was made: evidence as of change \\d+`,
      ),
    );
    expect(html).not.toContain('Lateday Labelling');
    expect(html).toContain(link);
    await other.close();
  });

  it("lists the selected record's history as recorded at T: a correction made after T shows now, not at T", async () => {
    await upsertRecord(
      explorer.db,
      { name: 'recorded-at browser test', role: 'editor' },
      {
        dataset: 'curated',
        section: 'organizations',
        fields: { id: 'ex-taskora', kind: 'platform', country: 'FR', note: 'Corrected after T (test).' },
        reason: 'a correction made after T (browser test)',
        argument: 'test',
      },
    );
    const { page } = explorer;
    const history = async (recordedAt: string | null) => {
      const at = recordedAt ? `&recordedAt=${encodeURIComponent(recordedAt)}` : '';
      await page.goto(`${explorer.url}/?root=ex-taskora&depth=1&sel=ex-taskora${at}`);
      await page.waitForSelector('#record-tools h3');
      await page.waitForFunction(
        () => !/Loading its history/.test(document.querySelector('#record-tools')!.textContent!),
      );
      return (await page.textContent('#record-tools'))!;
    };
    const now = await history(null);
    expect(now).toMatch(/^History/);
    expect(now).toContain('a correction made after T (browser test)');
    const atT = await history(T);
    expect(atT).toMatch(new RegExp(`^History as recorded on \\d{1,2} \\w+ \\d{4}, ${T.slice(11, 19)} UTC`));
    expect(atT).not.toContain('a correction made after T');
    expect(atT).toContain('No change recorded by then since it was imported.');
  });
});
