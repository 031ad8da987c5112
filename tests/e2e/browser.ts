// Launches Debian's Chromium through playwright-core, or says why the browser tests cannot run here.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { importFixtures } from '../../server/fixtures.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Null when Chromium is present; else the reason the browser tests are skipped. */
export const browserMissing: string | null = existsSync(CHROMIUM)
  ? null
  : `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH; the browser tests are skipped`;

if (browserMissing) console.warn(`e2e: ${browserMissing}`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Registers the hooks a browser test file needs: the run's Neo4j emptied and holding both fixtures, the real server
 * serving the test build of the explorer, and Chromium; all cleaned up afterwards. Usable inside tests once they ran.
 */
export function useExplorerOnFixtures(): { readonly url: string; readonly browser: Browser; readonly db: Database } {
  let db: Database | undefined;
  let api: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await importFixtures(db);
    api = await startTestServer(db, { CLIENT_DIR: 'dist/client-test' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (db) {
      await resetGraph(db);
      await db.close();
    }
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('test: the explorer starts in beforeAll; use it inside a test');
    return x;
  };
  return {
    get url() {
      return started(api).url;
    },
    get browser() {
      return started(browser);
    },
    get db() {
      return started(db);
    },
  };
}
