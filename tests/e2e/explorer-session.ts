// The one start-up of the browser tests: a scratch graph in the run's Neo4j (the fixtures, or what a test file seeds),
// the real server serving the test build of the explorer, Debian's Chromium through playwright-core, and a fresh page
// for each test (or one for the whole file) that fails the test on any uncaught error in the page. Says why the browser
// tests cannot run where Chromium is missing.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

function launchBrowser(): Promise<Browser> {
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

export interface SessionOptions {
  /** What the graph holds: by default both fixtures; else what `seed` writes into the emptied graph. */
  seed?: (db: Database) => Promise<void>;
  /** Settings of the server beside `CLIENT_DIR` (the test build). */
  env?: NodeJS.ProcessEnv;
  /** The browser context's options; by default a 1400×900 viewport. */
  context?: BrowserContextOptions;
  /** `test` (default): a new context and page for every test; `file`: one page the file's tests share, in order. */
  pagePer?: 'test' | 'file';
}

export interface ExplorerSession {
  /** The server's address, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly db: Database;
  readonly browser: Browser;
  /** The page of the running test (axe wants one of a context of our own: it is). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** Waits until the explorer has drawn what it is loading (the graph area no longer busy). */
  waitIdle(): Promise<void>;
  /** The ids of the drawn elements that match a Cytoscape selector (nodes by default), sorted. */
  ids(selector?: string): Promise<string[]>;
}

export const VIEWPORT = { width: 1400, height: 900 };

/**
 * Registers the hooks a browser test file needs (start in beforeAll, a page per test, everything closed and the graph
 * emptied afterwards) and returns the session, usable inside tests once the hooks have run.
 */
export function useExplorerSession(options: SessionOptions = {}): ExplorerSession {
  let db: Database | undefined;
  let api: TestServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const openPage = async () => {
    context = await browser!.newContext({ viewport: VIEWPORT, ...options.context });
    page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
  };
  const closePage = async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  };

  beforeAll(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await (options.seed ?? importFixtures)(db);
    api = await startTestServer(db, { CLIENT_DIR: 'dist/client-test', ...options.env });
    browser = await launchBrowser();
    if (options.pagePer === 'file') await openPage();
  });
  afterAll(async () => {
    await closePage();
    await browser?.close();
    await api?.close();
    if (db) {
      await resetGraph(db);
      await db.close();
    }
  });
  if (options.pagePer !== 'file') {
    beforeEach(openPage);
    afterEach(closePage);
  }

  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('test: the explorer starts in beforeAll; use it inside a test');
    return x;
  };
  const session: ExplorerSession = {
    get url() {
      return started(api).url;
    },
    get db() {
      return started(db);
    },
    get browser() {
      return started(browser);
    },
    get page() {
      return started(page);
    },
    get context() {
      return started(context);
    },
    async waitIdle() {
      await session.page.waitForFunction(
        () => document.getElementById('graph-area')!.getAttribute('aria-busy') === 'false',
      );
    },
    ids: (selector = 'node') =>
      session.page.evaluate(
        (s) =>
          window
            .cy!.$(s)
            .map((e) => e.id())
            .sort(),
        selector,
      ),
  };
  return session;
}

/**
 * Opens a shared explorer link in another tab of the session's browser, as a colleague without the author's token
 * would: the page fails the test on any uncaught error, and the token the explorer asks for is given.
 */
export async function openSharedLink(context: BrowserContext, link: string, token: string): Promise<Page> {
  const other = await context.newPage();
  other.on('pageerror', (e) => {
    throw e;
  });
  await other.goto(link);
  await other.waitForSelector('#editor[open] #edit-token');
  await other.fill('#edit-token', token);
  await other.click('#editor button[type=submit]');
  return other;
}
