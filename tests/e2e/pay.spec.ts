// A worker pool's pay in the explorer, in a real Chromium against the real server and Neo4j holding the fixtures: the
// details panel, the provenance panel, the table view (sortable by the ratio to the legal minimum, small groups withheld)
// and the scorecard's pay indicator.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { browserMissing, useExplorerSession } from './explorer-session.js';
import { importDataset } from '../../server/dataset/index.js';
import { validDataset } from '../support/load-dataset.js';

describe.skipIf(browserMissing !== null)('pay in the explorer', { timeout: 240_000 }, () => {
  const explorer = useExplorerSession();

  it('the details panel of a pool lists its pay report with the hourly range and every step, or says why there is none', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-pool-mg-annotators&depth=1&sel=ex-pool-mg-annotators`);
    await explorer.page.waitForSelector('#details h2');
    // The pool's details come with its pay (or an error saying why not, shown here when the test fails).
    await explorer.page.waitForFunction(
      () => document.querySelector('#details .pay-report') || document.querySelector('#details .no-source'),
    );
    expect(await explorer.page.textContent('#details')).toContain('As each source reports it');
    const report = await explorer.page.textContent('#details .pay-report');
    expect(report).toContain('€0.12 a task');
    expect(report).toContain('reported by workers interviewed, 2021');
    expect(report).toContain('Hourly: €2.40–3.60 an hour');
    expect(report).toContain('€0.12 a task × 20–30 tasks an hour = €2.40–3.60 an hour');
    expect(report).toContain('Group interviews with annotation and moderation teams (fictional)');
    // Madagascar's sourced minimums are monthly and state no hours basis, so a per-task rate is not set against them.
    expect(report).toMatch(
      /Legal minimum wage: (cannot be compared: the reference (table has no legal minimum wage for MG|wage-mg-\S+ is .* states no hours basis)|[\d.]+–[\d.]+×)/,
    );

    await explorer.page.goto(`${explorer.url}/?root=ex-pool-fr-raters&depth=1&sel=ex-pool-fr-raters`);
    await explorer.page.waitForSelector('#details .pay-report');
    expect(await explorer.page.textContent('#details .pay-report')).toContain(
      'pay is €300.00–900.00 a month and no source reports the hours worked a month: the hourly pay cannot be derived',
    );
  });

  /** Each pool of the task with the pay the API reports: what the explorer must show. */
  async function poolsPay(url: string, task: string) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query($t: ID!) { provenance(taskId: $t) { workerPools { id ... on WorkerPool { paySuppressed pay { reported legalMinimum: wageGap(kind: LEGAL_MINIMUM) { ratioMin reason } } } } } }',
        variables: { t: task },
      }),
    });
    return ((await res.json()) as any).data.provenance.workerPools as {
      id: string;
      paySuppressed: boolean;
      pay: { reported: string; legalMinimum: { ratioMin: number | null; reason: string | null } }[];
    }[];
  }

  it('the provenance panel gives each worker pool its pay as reported and its ratio to the legal minimum, or why none', async () => {
    const pools = await poolsPay(explorer.url, 'ex-task-pedestrian-boxes');
    expect(pools.some((p) => p.pay.length > 0)).toBe(true);
    await explorer.page.goto(`${explorer.url}/?root=ex-task-pedestrian-boxes&view=provenance`);
    await explorer.page.waitForSelector('#details [data-pool-pay]');
    expect(await explorer.page.textContent('#details')).toContain('What the workers are paid');
    for (const pool of pools) {
      const text = await explorer.page.textContent(`#details [data-pool-pay="${pool.id}"]`);
      if (!pool.pay.length) {
        expect(text).toContain('none reported');
        continue;
      }
      for (const r of pool.pay) {
        expect(text).toContain(r.reported);
        expect(text).toContain(r.legalMinimum.ratioMin !== null ? '×' : `no ratio: ${r.legalMinimum.reason}`);
      }
    }
  });

  it("an organisation's scorecard gives its workforce's pay against the local minimum, each pool's reports, and how many small groups were withheld", async () => {
    // A fictional platform with a pool that reports pay and a small group whose pay is withheld (Kenya's references apply).
    const S = ['e2e-sc-src'];
    await importDataset(
      explorer.db,
      validDataset({
        format: 'deep-labour/v1',
        id: 'e2e-sc',
        name: 'Scorecard pay (fictional)',
        sources: [{ id: 'e2e-sc-src', title: 'Scorecard survey (fictional)', type: 'other' }],
        organizations: [{ id: 'e2e-sc-platform', name: 'Sc Platform (fictional)', kind: 'platform', sources: S }],
        workerPools: [
          { id: 'e2e-sc-pool', name: 'Sc labellers (fictional)', country: 'KE', size: 40, sources: S },
          { id: 'e2e-sc-small', name: 'Sc small team (fictional)', country: 'KE', size: 3, sources: S },
        ],
        tasks: [],
        aiProducts: [],
        links: [
          { type: 'CONTRACTED_BY', from: 'e2e-sc-pool', to: 'e2e-sc-platform', sources: S },
          { type: 'WORKS_ON', from: 'e2e-sc-small', to: 'e2e-sc-platform', sources: S },
        ],
        payReports: [
          {
            id: 'e2e-sc-pay',
            pool: 'e2e-sc-pool',
            min: 1.5,
            max: 2,
            currency: 'USD',
            unit: 'hour',
            since: '2023',
            reportedBy: 'workers-survey',
            sources: S,
          },
          {
            id: 'e2e-sc-pay-small',
            pool: 'e2e-sc-small',
            min: 7.77,
            max: 7.77,
            currency: 'USD',
            unit: 'hour',
            since: '2023',
            reportedBy: 'workers',
            sources: S,
          },
        ],
      }),
      { author: 'pay e2e' },
    );
    const res = await fetch(`${explorer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ scorecard(organizationId: "e2e-sc-platform") { pay { pools withheld withSourcedPay legalMinimum { compared below } workerPools { id name pay { reported hourlyNote } } } } }',
      }),
    });
    const { pay } = ((await res.json()) as any).data.scorecard;
    expect(pay).toMatchObject({
      pools: 2,
      withheld: 1,
      withSourcedPay: 1,
      workerPools: [{ id: 'e2e-sc-pool', pay: [{ reported: '$1.50–2.00 an hour' }] }],
    });

    await explorer.page.goto(`${explorer.url}/?root=e2e-sc-platform&depth=1&sel=e2e-sc-platform`);
    await explorer.page.waitForSelector('#details [data-scorecard-pay]');
    const panel = (await explorer.page.textContent('#details [data-scorecard-pay]'))!;
    expect(panel).toContain('Pay against the local minimum');
    expect(panel).toContain('1 small group withheld');
    expect(await explorer.page.textContent('#details [data-scorecard-pay] [data-against="legal-minimum"]')).toContain(
      pay.legalMinimum.compared ? `${pay.legalMinimum.below} below` : "no pool's pay can be compared",
    );
    const pool = (await explorer.page.textContent('#details [data-scorecard-pool="e2e-sc-pool"]'))!;
    expect(pool).toContain('Sc labellers (fictional)');
    expect(pool).toContain('$1.50–2.00 an hour');
    expect(pool).toContain('Scorecard survey (fictional)');
    // The small group is counted, never shown: neither its name nor its pay.
    expect(panel).not.toContain('Sc small team');
    expect(panel).not.toContain('7.77');
  });

  it("the table view shows the pools' pay, sorts them by the lowest ratio to the legal minimum, and stays accessible", async () => {
    const task = 'task-google-gemini-rating-rewriting';
    const pools = await poolsPay(explorer.url, task);
    await explorer.page.goto(`${explorer.url}/?root=${task}&view=provenance&as=table`);
    await explorer.waitIdle();
    await explorer.page.waitForSelector('#table-view [data-table="entities"] tbody tr[data-id]');
    await explorer.page.waitForFunction(
      () => !document.getElementById('table-view')!.textContent!.includes('loading…'),
    );
    await explorer.page.click('[data-table="entities"] button[data-sort="minimum"]');
    await explorer.page.waitForSelector(
      '[data-table="entities"] th[aria-sort="ascending"] button[data-sort="minimum"]',
    );
    const rows = await explorer.page.$$eval('[data-table="entities"] tbody tr', (trs) => {
      const heads = [...document.querySelectorAll('[data-table="entities"] thead th')].map(
        (th) => th.querySelector('button')?.dataset.sort,
      );
      const at = (tr: Element, key: string) => tr.children[heads.indexOf(key)]?.textContent ?? '';
      return trs.map((tr) => ({
        id: (tr as HTMLElement).dataset.id!,
        pay: at(tr, 'pay'),
        minimum: at(tr, 'minimum'),
      }));
    });
    // Every pool's reports are in its row, as the API gives them.
    for (const pool of pools) {
      const row = rows.find((r) => r.id === pool.id)!;
      expect(row, `${pool.id} among ${rows.map((r) => r.id).join(', ')}`).toBeDefined();
      for (const r of pool.pay) expect(row.pay).toContain(r.reported);
    }
    // Rows with a ratio first, by their lowest ratio; the others after.
    const lowest = rows.map((r) => {
      const ratios = [...r.minimum.matchAll(/([\d.]+)(?:–[\d.]+)?×/g)].map((m) => Number(m[1]));
      return ratios.length ? Math.min(...ratios) : null;
    });
    const known = lowest.filter((x): x is number => x !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(lowest.slice(0, known.length)).toEqual([...known].sort((a, b) => a - b));
    expect(known.length).toBe(pools.filter((p) => p.pay.some((r) => r.legalMinimum.ratioMin !== null)).length);
    const axe = await new AxeBuilder({ page: explorer.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
  });
});
