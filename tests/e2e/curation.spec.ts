// Curation in a real Chromium against a real Neo4j: sign in with a token, draw a link with a new source (an error shown
// next to its field first), see the cascade and the audit verdict change, retract it, and revert the retraction.
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { browserMissing, useExplorerSession } from './explorer-session.js';

const LINK = 'SUBCONTRACTS_FOR:ex-nexa->ex-modero';
const CLAIM = 'ex-claim-modero-no-subcontracting';

describe.skipIf(browserMissing !== null)('curation in Chromium', () => {
  const explorer = useExplorerSession();
  let editor = '';
  let reader = '';
  beforeAll(async () => {
    editor = await createToken(explorer.db, 'Browser editor', 'editor', 'test');
    reader = await createToken(explorer.db, 'Browser reader', 'reader', 'test');
  });

  const hasEdge = (id: string) => explorer.page.evaluate((x) => window.cy!.getElementById(x).length === 1, id);
  const signIn = async (token: string) => {
    await explorer.page.click('#sign-in');
    await explorer.page.fill('#edit-token', token);
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('#signed-in:not([hidden])');
  };
  const verdictOfModero = async () => {
    // Select another node first, so that what is read is a fresh answer, never the panel from before a change.
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-nexa').emit('tap');
    });
    await explorer.page.waitForFunction((claim) => !document.querySelector(`#details [data-claim="${claim}"]`), CLAIM);
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-modero').emit('tap');
    });
    await explorer.page.waitForSelector(`#details [data-claim="${CLAIM}"]`);
    return explorer.page.evaluate(
      (claim) =>
        document
          .querySelector(`#details [data-claim="${claim}"]`)
          ?.closest('li')
          ?.querySelector('[data-verdict]')
          ?.getAttribute('data-verdict') ?? null,
      CLAIM,
    );
  };

  it('a reader signs in but gets no editing tools; a wrong token is refused next to its field', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1`);
    await explorer.waitIdle();
    await explorer.page.click('#sign-in');
    await explorer.page.fill('#edit-token', 'dle_wrong');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('#editor .form-error:not(:empty)');
    expect(await explorer.page.textContent('#editor .form-error')).toMatch(/token/);
    await explorer.page.fill('#edit-token', reader);
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('#signed-in:not([hidden])');
    expect(await explorer.page.textContent('#signed-in')).toBe('Browser reader (reader)');
    expect(await explorer.page.isHidden('#add-link')).toBe(true);
    expect(await explorer.page.evaluate(() => sessionStorage.getItem('deep-labour-token'))).toBe(reader);
  });

  it('draws a sourced link, retracts it and reverts that, the cascade and the audit verdict following each step', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1&exp=ex-modero`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-modero').length === 1);
    await explorer.waitIdle();
    await signIn(editor);
    const original = await verdictOfModero();
    expect(original).not.toBe('CONTRADICTED');
    expect(await hasEdge(LINK)).toBe(false);

    await explorer.page.click('#add-link');
    await explorer.page.selectOption('#edit-from', 'ex-nexa');
    await explorer.page.selectOption('#edit-to', 'ex-modero');
    // Only the types the vocabulary allows between two organisations are offered.
    const types = await explorer.page.$$eval('#edit-type option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(types).toEqual(['SUBCONTRACTS_FOR', 'CONTROLLED_BY']);
    await explorer.page.fill('#edit-since', '2021');
    await explorer.page.fill('#edit-until', '2019');
    await explorer.page.click('#editor summary');
    await explorer.page.fill('#edit-sourceTitle', 'Interview notes, spring 2021 (fictional)');
    await explorer.page.selectOption('#edit-sourceType', 'interview');
    await explorer.page.fill('#edit-reason', 'an interviewee described the order');
    await explorer.page.click('#editor button[type=submit]');
    // The server's validation error appears next to the field it concerns, and nothing is drawn.
    await explorer.page.waitForSelector('#edit-until-error:not(:empty)');
    expect(await explorer.page.textContent('#edit-until-error')).toMatch(/ends \(2019\) before it starts \(2021\)/);
    expect(await explorer.page.getAttribute('#edit-until', 'aria-invalid')).toBe('true');
    await explorer.page.screenshot({ path: 'test-results/edit-link.png' });
    const axe = await new AxeBuilder({ page: explorer.page })
      .include('#editor')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await explorer.page.fill('#edit-until', '');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForFunction((id) => window.cy!.getElementById(id).length === 1, LINK);
    expect(await explorer.page.textContent('#status')).toMatch(
      /Saved: added link ex-nexa SUBCONTRACTS_FOR ex-modero \(change-\d+\)/,
    );
    // Selected after saving: its details name the new source, its history the change and the reason.
    await explorer.page.waitForSelector('#record-tools .history li');
    expect(await explorer.page.textContent('#details')).toContain('Interview notes, spring 2021 (fictional)');
    expect(await explorer.page.textContent('#record-tools')).toContain('an interviewee described the order');
    expect(await verdictOfModero()).toBe('CONTRADICTED');

    await explorer.page.evaluate((id) => {
      window.cy!.getElementById(id).emit('tap');
    }, LINK);
    await explorer.page.click('#record-tools button[data-edit="retract"]');
    await explorer.page.fill('#edit-reason', 'the interviewee withdrew it');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForFunction((id) => window.cy!.getElementById(id).length === 0, LINK);
    expect(await verdictOfModero()).toBe(original);

    await explorer.page.click('#review-queue');
    await explorer.page.waitForSelector('#editor ol.history');
    const retraction = explorer.page.locator('#editor li', {
      hasText: 'retracted link ex-nexa SUBCONTRACTS_FOR ex-modero',
    });
    await retraction.locator('button[data-edit="revert"]').click();
    await explorer.page.fill('#edit-reason', 'withdrawn by mistake, confirmed by email');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForFunction((id) => window.cy!.getElementById(id).length === 1, LINK);
    expect(await verdictOfModero()).toBe('CONTRADICTED');
  });

  it("another reader's open page follows an edit without a reload", async () => {
    const other = await explorer.context.newPage();
    await other.goto(`${explorer.url}/?root=ex-nexa&depth=1&exp=ex-modero`);
    await other.waitForFunction(() => window.cy?.getElementById('ex-modero').length === 1);
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1&exp=ex-modero`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-modero').length === 1);
    await signIn(editor);
    expect(await other.evaluate((id) => window.cy!.getElementById(id).length === 1, LINK)).toBe(true);
    await explorer.page.evaluate((id) => {
      window.cy!.getElementById(id).emit('tap');
    }, LINK);
    await explorer.page.click('#record-tools button[data-edit="retract"]');
    await explorer.page.fill('#edit-reason', 'checking live updates');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForFunction((id) => window.cy!.getElementById(id).length === 0, LINK);
    // The other page was not touched: it polls the store's version and redraws by itself.
    await other.waitForFunction((id) => window.cy!.getElementById(id).length === 0, LINK, { timeout: 30_000 });
    expect(await other.textContent('#status')).toMatch(/The evidence changed/);
  });

  it("a correction sends only the fields changed, with the version it read; one made before another editor's change is refused, and nothing is lost", async () => {
    const other = await createToken(explorer.db, 'Browser editor two', 'editor', 'test');
    const graphql = async (token: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${explorer.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    };
    const nexa = async () =>
      (await graphql(editor, '{ entity(id: "ex-taskora") { name ... on Organization { country } } }', {})).data!
        .entity as { name: string; country: string | null };
    const sent: Record<string, unknown>[] = [];
    explorer.page.on('request', (r) => {
      const body = r.postData();
      if (r.url().endsWith('/graphql') && body?.includes('mutation UpsertEntity'))
        sent.push(JSON.parse(body).variables);
    });
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-taskora').length === 1);
    await explorer.waitIdle();
    await signIn(editor);
    const correct = async () => {
      await explorer.page.evaluate(() => {
        window.cy!.getElementById('ex-taskora').emit('tap');
      });
      await explorer.page.click('#record-tools button[data-edit="correct"]');
      await explorer.page.waitForSelector('#editor #edit-name');
    };
    await correct();
    const before = await nexa();
    // Another editor changes the country while the form is open.
    expect(
      (
        await graphql(
          other,
          'mutation { upsertEntity(entity: { id: "ex-taskora", kind: "platform", country: "DE" }, reason: "moved (fictional)") { change { id } } }',
          {},
        )
      ).errors,
    ).toBeUndefined();
    await explorer.page.fill('#edit-name', 'Taskora renamed in the browser (fictional)');
    await explorer.page.fill('#edit-reason', 'its new name');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('#editor .form-error:not(:empty)');
    expect(await explorer.page.textContent('#editor .form-error')).toMatch(/changed since/);
    expect(await nexa()).toEqual({ name: before.name, country: 'DE' });
    // Opened again, on the record as it is now: only the name goes, and the other editor's country stays.
    await explorer.page.click('#editor [data-close]');
    await correct();
    await explorer.page.fill('#edit-name', 'Taskora renamed in the browser (fictional)');
    await explorer.page.fill('#edit-reason', 'its new name');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForFunction(() =>
      /Saved: corrected/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await nexa()).toEqual({ name: 'Taskora renamed in the browser (fictional)', country: 'DE' });
    expect(sent.at(-1)).toMatchObject({
      entity: { id: 'ex-taskora', kind: 'platform', name: 'Taskora renamed in the browser (fictional)' },
      expectedVersion: expect.stringMatching(/^v1-/),
    });
    expect(Object.keys(sent.at(-1)!.entity as object).sort()).toEqual(['id', 'kind', 'name']);
  });

  it('draws who controls whom: the control fields appear only for that type, and the details read them', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1&exp=ex-modero`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-modero').length === 1);
    await explorer.waitIdle();
    await signIn(editor);
    await explorer.page.click('#add-link');
    await explorer.page.selectOption('#edit-from', 'ex-modero');
    await explorer.page.selectOption('#edit-to', 'ex-nexa');
    expect(await explorer.page.isHidden('#editor .control-fields')).toBe(true);
    await explorer.page.selectOption('#edit-type', 'CONTROLLED_BY');
    expect(await explorer.page.isVisible('#editor .control-fields')).toBe(true);
    await explorer.page.selectOption('#edit-interests', ['shareholding', 'votingRights']);
    await explorer.page.fill('#edit-shareMin', '51');
    await explorer.page.fill('#edit-shareMax', '51');
    await explorer.page.selectOption('#edit-directOrIndirect', 'direct');
    await explorer.page.fill('#edit-reason', 'a registry extract names the holding (fictional)');
    await explorer.page.click('#editor button[type=submit]');
    const id = 'CONTROLLED_BY:ex-modero->ex-nexa';
    await explorer.page.waitForFunction((x) => window.cy!.getElementById(x).length === 1, id);
    await explorer.page.waitForSelector('#record-tools .history li');
    const details = await explorer.page.textContent('#selection-details');
    expect(details).toContain('shareholding, votingRights');
    expect(details).toContain('51%');
    expect(details).toContain('direct');
    await explorer.page.click('#record-tools button[data-edit="retract"]');
    await explorer.page.fill('#edit-reason', 'cleaning up the test');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForFunction((x) => window.cy!.getElementById(x).length === 0, id);
  });

  it('finds a source in the picker by typing, with the keyboard only, and stays accessible', async () => {
    await explorer.page.goto(`${explorer.url}/?root=undisclosed-platforms-hearing&depth=2`);
    await explorer.waitIdle();
    await signIn(editor);
    await explorer.page.click('#add-link');
    const labels = explorer.page.locator('#edit-source-list label');
    const all = await labels.count();
    expect(all).toBeGreaterThan(2);
    // Type into the search box from the keyboard: only the sources whose title, publisher or place hold every word stay.
    await explorer.page.focus('#edit-sourceFilter');
    await explorer.page.keyboard.type('DiPLab question 4');
    const shown = () =>
      explorer.page.$$eval('#edit-source-list label', (ls) =>
        ls.filter((l) => !(l as HTMLElement).hidden).map((l) => l.getAttribute('data-search')!),
      );
    expect((await shown()).length).toBeGreaterThan(0);
    expect((await shown()).every((t) => t.includes('diplab') && t.includes('question 4'))).toBe(true);
    expect((await shown()).length).toBeLessThan(all);
    expect(await explorer.page.textContent('#edit-sourceFilter-count')).toMatch(
      new RegExp(`^${(await shown()).length} of ${all} sources shown$`),
    );
    // Enter filters, it does not send the form.
    await explorer.page.keyboard.press('Enter');
    expect(await explorer.page.isVisible('#edit-sourceFilter')).toBe(true);
    expect(await explorer.page.textContent('#editor .form-error')).toBe('');
    // Tab reaches the first source shown; Space ticks it; a ticked source stays shown whatever is typed next.
    await explorer.page.keyboard.press('Tab');
    const focused = await explorer.page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await explorer.page.keyboard.press('Space');
    expect(await explorer.page.isChecked(`#edit-source-list input[value="${focused}"]`)).toBe(true);
    await explorer.page.fill('#edit-sourceFilter', 'zzz nothing matches');
    expect(await shown()).toHaveLength(1);
    await explorer.page.fill('#edit-sourceFilter', '');
    expect(await shown()).toHaveLength(all);
    const axe = await new AxeBuilder({ page: explorer.page })
      .include('#editor')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
