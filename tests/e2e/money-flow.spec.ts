// The money-flow view in Chromium on the fixtures: for the documented and the illustrative tasks it draws one Sankey
// flow per worker pool whose figures are those `valueChain` answers (asked of the API here, not written down), marks
// prices not known, has a table equivalent, exports SVG and PNG, and leaves axe at zero.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { browserMissing, useExplorerSession } from './explorer-session.js';

interface Chain {
  workerPool: { id: string };
  hops: { pricePerUnitEur: number | null }[];
  workerPayPerUnitEur: number | null;
  workerShare: number | null;
}

describe.skipIf(browserMissing !== null)('the money-flow view', () => {
  const explorer = useExplorerSession({ context: { acceptDownloads: true } });

  const valueChain = async (taskId: string, asOf: string | null): Promise<Chain[]> => {
    const r = await fetch(`${explorer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query($id: ID!, $asOf: Date) { valueChain(taskId: $id, asOf: $asOf) { workerPool { id } hops { pricePerUnitEur } workerPayPerUnitEur workerShare } }',
        variables: { id: taskId, asOf },
      }),
    });
    return ((await r.json()) as { data: { valueChain: Chain[] } }).data.valueChain;
  };

  // The illustrative task today; the documented ChatGPT labelling chain on a day it held (November 2021 to February 2022).
  it.each([
    ['ex-task-voice-transcription', null],
    ['task-openai-toxicity-text-labelling', '2022-01-15'],
  ])(
    'draws %s (on %s) with the figures valueChain gives',
    async (taskId, asOf) => {
      const chains = await valueChain(taskId, asOf);
      expect(chains.filter((c) => c.hops.length > 0).length).toBeGreaterThan(0);
      await explorer.page.goto(`${explorer.url}/?root=${taskId}&view=money-flow${asOf ? `&asOf=${asOf}` : ''}`);
      await explorer.page.waitForSelector('#details figure.money-flow-figure svg', { timeout: 60_000 });
      for (const c of chains.filter((x) => x.hops.length > 0)) {
        const figure = explorer.page.locator(`#details figure[data-pool="${c.workerPool.id}"]`);
        expect(await figure.locator('svg path').count()).toBeGreaterThan(0);
        // Every euro figure of the chain, and only those, on the flow's steps (kept margins aside); unknown ones marked.
        const cells = await figure
          .locator('table tbody tr')
          .evaluateAll((rows) =>
            rows.map((r) => [
              r.children[1]!.textContent ?? '',
              r.children[2]!.getAttribute('data-eur') ?? '',
              r.children[2]!.textContent ?? '',
            ]),
          );
        const steps = cells.filter(([to]) => !(to ?? '').startsWith('kept by'));
        const expected = [...c.hops.map((x) => x.pricePerUnitEur), c.workerPayPerUnitEur]
          .map((x) => (x === null ? '' : String(x)))
          .sort();
        expect(steps.map(([, eur]) => eur).sort()).toEqual(expected);
        expect(steps.filter(([, eur]) => eur === '').every(([, , text]) => text === 'price not known')).toBe(true);
        const label = await figure.locator('svg').getAttribute('aria-label');
        if (c.workerShare !== null)
          expect(label).toContain(
            `${(c.workerShare * 100).toLocaleString('en', { maximumFractionDigits: 1 })}% of its euro`,
          );
        else expect(label).toContain('share is not known');
        if (steps.some(([, eur]) => eur === ''))
          expect(await figure.locator('svg path[data-known="false"]').count()).toBeGreaterThan(0);
      }
      const axe = await new AxeBuilder({ page: explorer.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      const [svg] = await Promise.all([
        explorer.page.waitForEvent('download'),
        explorer.page.locator('#details button[data-action="flow-svg"]').first().click(),
      ]);
      expect(svg.suggestedFilename()).toMatch(/^money-flow-.+\.svg$/);
      const [png] = await Promise.all([
        explorer.page.waitForEvent('download'),
        explorer.page.locator('#details button[data-action="flow-png"]').first().click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/^money-flow-.+\.png$/);
    },
    180_000,
  );
});
