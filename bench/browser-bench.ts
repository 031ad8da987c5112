// The explorer in headless Chromium on views of growing size: time from navigation to the drawn graph, and the time of
// one zoom or pan step (until the second animation frame after it, when Cytoscape has drawn it). Needs the test build of
// the client (window.cy exposed) and Debian's Chromium; says so and measures nothing without them.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Page } from 'playwright-core';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import type { Database } from '../server/db/index.js';

export interface BrowserTiming {
  limit: number;
  renderer: 'canvas' | 'webgl';
  grouped?: boolean;
  elements: number;
  drawnMs: number;
  zoomStepMs: number;
  panStepMs: number;
  error?: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT = 'dist/client-test';

export function browserBenchMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(`${CLIENT}/index.html`))
    return `no test build of the explorer in ${CLIENT} (npx tsx scripts/build-client.ts --test)`;
  return null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchBrowser(
  db: Database,
  root: string,
  limits: number[],
  log: (line: string) => void,
): Promise<BrowserTiming[]> {
  const missing = browserBenchMissing();
  if (missing) {
    log(`browser: skipped: ${missing}`);
    return [];
  }
  const { app, stop } = await createApp({
    db,
    config: readConfig({
      CLIENT_DIR: CLIENT,
      HEAVY_QUERIES: '8',
      QUERY_TIMEOUT_MS: '120000',
      RATE_LIMIT_POINTS: '20000000',
    }),
    log: () => {},
  });
  const server = await new Promise<Server>((ready) => {
    const s = app.listen(0, '127.0.0.1', () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--enable-unsafe-swiftshader'],
  });
  const out: BrowserTiming[] = [];
  try {
    // Every member drawn (groups=off) at each limit and renderer; then the same root as the explorer opens it by default,
    // grouped (#31), at the largest limit, side by side with the ungrouped picture.
    const runs = [
      ...limits.flatMap((limit) =>
        (['canvas', 'webgl'] as const).map((renderer) => ({ limit, renderer, grouped: false })),
      ),
      ...(limits.length ? [{ limit: Math.max(...limits), renderer: 'canvas' as const, grouped: true }] : []),
    ];
    for (const { limit, renderer, grouped } of runs) {
      // Once unmeasured, so that the answer is in Neo4j's and the server's caches: this times the explorer, not the query.
      const view = `${url}/?root=${encodeURIComponent(root)}&depth=6&limit=${limit}&asOf=2024-01-01${renderer === 'webgl' ? '&renderer=webgl' : ''}${grouped ? '' : '&groups=off'}`;
      let page: Page | null = null;
      try {
        for (const measured of [false, true]) {
          // A new tab each time: navigating the same tab would count the teardown of the large picture before it
          // (about a second at 6,000 elements) in the next one's time to drawn.
          await page?.close();
          // bypassCSP: the measuring scripts are strings (see below), which the explorer's own policy rightly refuses.
          page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
          await page.goto(view);
          await page.waitForFunction(
            "document.getElementById('graph-area')?.getAttribute('aria-busy') === 'false' && (window.cy?.nodes().length ?? 0) > 0",
            undefined,
            { timeout: 300_000 },
          );
          if (!measured) continue;
          const drawnMs = (await page.evaluate(
            'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))',
          )) as number;
          // A string, not a function: tsx would wrap the inner functions in a helper that does not exist in the page.
          const steps = (await page.evaluate(`(async () => {
            const cy = window.cy;
            const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
            const centre = { x: cy.width() / 2, y: cy.height() / 2 };
            const zoom = [];
            const pan = [];
            for (let i = 0; i < 8; i++) {
              let t = performance.now();
              cy.zoom({ level: cy.zoom() * (i % 2 ? 1 / 1.25 : 1.25), renderedPosition: centre });
              await frame();
              zoom.push(performance.now() - t);
              t = performance.now();
              cy.panBy({ x: i % 2 ? -60 : 60, y: 0 });
              await frame();
              pan.push(performance.now() - t);
            }
            return { zoom, pan, elements: cy.elements().length };
          })()`)) as { zoom: number[]; pan: number[]; elements: number };
          const timing = {
            limit,
            renderer,
            grouped,
            elements: steps.elements,
            drawnMs: Math.round(drawnMs),
            zoomStepMs: Math.round(median(steps.zoom)),
            panStepMs: Math.round(median(steps.pan)),
          };
          out.push(timing);
          log(
            `browser (${renderer}${grouped ? ', grouped' : ''}): ${timing.elements} elements drawn in ${timing.drawnMs} ms; zoom step ${timing.zoomStepMs} ms, pan step ${timing.panStepMs} ms (p50)`,
          );
        }
      } catch (e) {
        // A view that never comes (the query timed out, or drawing took longer than allowed) is a result too.
        const status = await page?.textContent('#status').catch(() => '');
        out.push({
          limit,
          renderer,
          elements: 0,
          drawnMs: -1,
          zoomStepMs: -1,
          panStepMs: -1,
          error: `${(e as Error).message.split('\n')[0]}; the page said: ${status ?? ''}`,
        });
        log(`browser (${renderer}): the ${limit}-node view did not finish: ${out.at(-1)!.error}`);
      }
      await page?.close();
    }
  } finally {
    await browser.close();
    await stop();
    server.closeAllConnections();
    server.close();
  }
  return out;
}
