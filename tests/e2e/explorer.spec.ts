// The explorer in a real Chromium, against the real server and Neo4j holding both fixtures.
import { readFileSync } from 'node:fs';
import { ftmToDataset, parseFtm } from '../../format/ftm.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/db/index.js';
import { startTestServer } from '../support/test-server.js';
import { browserMissing, useExplorerSession } from './explorer-session.js';

describe.skipIf(browserMissing !== null)('the explorer in Chromium', () => {
  const explorer = useExplorerSession({ context: { acceptDownloads: true } });
  beforeEach(() => {
    explorer.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) cspViolations.push(m.text());
    });
  });
  // Every page works under the server's content security policy: a blocked script or style would show here.
  afterEach(() => {
    expect(cspViolations.splice(0)).toEqual([]);
  });
  const cspViolations: string[] = [];

  it("search → choose a task → provenance shows the chain with its three roles and the worker's share", async () => {
    await explorer.page.goto(explorer.url);
    await explorer.page.fill('#search', 'voice-assistant snip');
    await explorer.page.waitForSelector('#suggestions li');
    await explorer.page.keyboard.press('Enter');
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 5);
    await explorer.waitIdle();
    const nodes = await explorer.ids();
    expect(nodes).toEqual(
      expect.arrayContaining([
        'ex-task-voice-transcription',
        'ex-pool-fr-home',
        'ex-clicklink',
        'ex-taskora',
        'ex-annotapro',
        'ex-broker',
        'ex-vocalis',
        'ex-megacorp',
      ]),
    );
    expect(await explorer.ids('node.role-recruiting')).toEqual(['ex-clicklink']);
    expect(await explorer.ids('node.role-contracting')).toEqual(['ex-taskora']);
    expect(await explorer.ids('node.role-execution')).toEqual(['ex-annotapro']);
    expect(await explorer.ids('edge.undisclosed')).toContain('SUBCONTRACTS_FOR:ex-nexa->ex-broker');
    const details = await explorer.page.textContent('#details');
    expect(details).toContain('€0.12');
    expect(details).toContain('roles split');
    expect(await explorer.page.evaluate(() => window.cy!.getElementById('ex-pool-fr-home').data('label'))).toContain(
      'gets €0.12 of each €1',
    );
    expect(explorer.page.url()).toContain('view=provenance');
    await explorer.page.screenshot({ path: 'test-results/provenance.png' });
  });

  it('selecting a link shows its sources, and says so when it has none', async () => {
    await explorer.page.goto(
      `${explorer.url}/?root=ex-task-voice-transcription&view=provenance&sel=SUBCONTRACTS_FOR:ex-broker-%3Eex-vocalis`,
    );
    await explorer.page.waitForSelector('#details .no-source');
    expect(await explorer.page.textContent('#details')).toContain('No source is given for this link');
    // A block body: returning the collection would make Playwright serialise the whole graph.
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('CONTRACTED_BY:ex-pool-fr-home->ex-taskora').emit('tap');
    });
    await explorer.page.waitForSelector('#details ol.sources');
    expect(await explorer.page.textContent('#details ol.sources')).toContain('Taskora terms of service (fictional)');
  });

  it('double-clicking a node expands its neighbours, and again collapses them', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    const before = await explorer.ids();
    const box = await explorer.page.locator('#cy').boundingBox();
    const at = await explorer.page.evaluate(() => window.cy!.getElementById('ex-broker').renderedPosition());
    await explorer.page.mouse.dblclick(box!.x + at.x, box!.y + at.y);
    await explorer.page.waitForFunction((n) => window.cy!.nodes().length > n, before.length);
    const expanded = await explorer.ids();
    // Today the broker also works for Vocalis Labs; DataVolt's link to it ended in 2021.
    expect(expanded).toEqual([...before, 'ex-vocalis'].sort());
    const at2 = await explorer.page.evaluate(() => window.cy!.getElementById('ex-broker').renderedPosition());
    await explorer.page.mouse.dblclick(box!.x + at2.x, box!.y + at2.y);
    await explorer.page.waitForFunction((n) => window.cy!.nodes().length === n, before.length);
    expect(await explorer.ids()).toEqual(before);
  });

  it('the time slider re-queries and shows what appears and disappears', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&dir=OUTGOING`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    expect(await explorer.ids()).toEqual(['ex-nexa', 'ex-taskora']);
    await explorer.page.evaluate(() => {
      const slider = document.getElementById('asof') as HTMLInputElement;
      slider.value = String(Math.round((Date.UTC(2020, 5, 1) - Date.UTC(2015, 0, 1)) / 86_400_000));
      slider.dispatchEvent(new Event('change'));
    });
    await explorer.page.waitForFunction(() => window.cy!.getElementById('ex-datavolt').length === 1);
    expect(await explorer.ids()).toEqual(['ex-datavolt', 'ex-taskora']);
    expect(await explorer.page.textContent('#status')).toMatch(/appeared .* disappeared/);
    expect(explorer.page.url()).toContain('asOf=2020-06-01');
  });

  it('exports the view as a GEXF file that parses and holds the nodes on screen', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-madatalent&depth=1`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    const [download] = await Promise.all([
      explorer.page.waitForEvent('download'),
      explorer.page.selectOption('#export', 'gexf'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    const xml = readFileSync((await download.path())!, 'utf8');
    const parsed = await explorer.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        nodes: doc.getElementsByTagName('node').length,
        root: doc.documentElement.localName,
      };
    }, xml);
    expect(parsed).toEqual({ error: 0, nodes: (await explorer.ids()).length, root: 'gexf' });
  });

  it('exports the view as FollowTheMoney entities, one per line, that import back as the same records', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-madatalent&depth=1`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    const [download] = await Promise.all([
      explorer.page.waitForEvent('download'),
      explorer.page.selectOption('#export', 'ftm'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ftm\.json$/);
    const entities = parseFtm(readFileSync((await download.path())!, 'utf8'))!;
    expect(entities.some((e) => e.schema === 'Company')).toBe(true);
    const back = ftmToDataset(entities, { id: 'view', name: 'View' }).doc as Record<
      'organizations' | 'workerPools' | 'tasks' | 'aiProducts',
      { id: string }[]
    > & { links: unknown[] };
    expect(
      [...back.organizations, ...back.workerPools, ...back.tasks, ...back.aiProducts].map((o) => o.id).sort(),
    ).toEqual(await explorer.ids());
    expect(back.links.length).toBe(await explorer.page.evaluate(() => window.cy!.edges().length));
  });

  it('a shared URL restores the view: root, depth, direction, date, filters and selection', async () => {
    await explorer.page.goto(
      `${explorer.url}/?root=ex-taskora&depth=1&dir=OUTGOING&asOf=2020-06-01&hideTypes=RECRUITED_VIA&sel=ex-datavolt`,
    );
    await explorer.page.waitForSelector('#details h2');
    expect(await explorer.ids()).toEqual(['ex-datavolt', 'ex-taskora']);
    expect(await explorer.ids(':selected')).toEqual(['ex-datavolt']);
    expect(await explorer.page.textContent('#details h2')).toBe('DataVolt');
    expect(await explorer.page.inputValue('#depth')).toBe('1');
    expect(await explorer.page.inputValue('#direction')).toBe('OUTGOING');
    expect(await explorer.page.isChecked('#type-filters input[value="RECRUITED_VIA"]')).toBe(false);
    expect(await explorer.page.textContent('#asof-label')).toBe('2020-06-01');
  });

  it('an unknown id says so and points to search', async () => {
    await explorer.page.goto(`${explorer.url}/?root=nobody-here`);
    await explorer.page.waitForSelector('#status .msg.error');
    expect(await explorer.page.textContent('#status')).toMatch(/no entity has id "nobody-here".*Search/);
  });

  it("the audit panel lists an organisation's claims with verdicts and highlights the evidence of one", async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&sel=ex-taskora`);
    await explorer.page.waitForSelector('#audit-panel .badge[data-verdict]');
    const verdicts = await explorer.page.$$eval('#audit-panel .badge[data-verdict]', (els) =>
      els.map((e) => e.getAttribute('data-verdict')),
    );
    expect(verdicts).toEqual(['CONTRADICTED', 'CONTRADICTED']);
    expect(await explorer.page.textContent('#audit-panel')).toContain('Transparency scorecard');
    // The changes of verdict on its claims (here their first verdicts, from the fixtures' import), and their feed.
    expect(
      await explorer.page.$$eval('#audit-panel [data-verdict-new]', (els) =>
        els.map((e) => e.getAttribute('data-verdict-new')),
      ),
    ).toEqual(['CONTRADICTED', 'CONTRADICTED']);
    const feed = await explorer.page.getAttribute('#audit-panel a.feed-link', 'href');
    expect(feed).toBe('/feeds/verdicts.atom?organization=ex-taskora');
    expect((await fetch(`${explorer.url}${feed}`)).headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    await explorer.page.click('#audit-panel button[data-action="evidence"] >> text=only puts clients');
    await explorer.page.waitForFunction(() => window.cy!.$('edge.highlight').length > 0);
    expect(await explorer.ids('edge.highlight')).toEqual([
      'SUBCONTRACTS_FOR:ex-nexa->ex-broker',
      'SUBCONTRACTS_FOR:ex-taskora->ex-nexa',
    ]);
    expect(await explorer.ids('node.highlight')).toEqual(['ex-broker', 'ex-nexa', 'ex-taskora']);
    // An indicator's evidence is fetched when it is highlighted (the panel lists only how many links it holds).
    const res = await fetch(`${explorer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ scorecard(organizationId: "ex-taskora") { indicators { id evidenceLinks evidence { edges { id } } } } }',
      }),
    });
    const card = (await res.json()) as {
      data: {
        scorecard: { indicators: { id: string; evidenceLinks: number; evidence: { edges: { id: string }[] } }[] };
      };
    };
    const pay = card.data.scorecard.indicators.find((i) => i.id === 'lowest-hourly-pay')!;
    expect(pay.evidenceLinks).toBeGreaterThan(0);
    await explorer.page.click('#audit-panel button[data-action="indicator"][data-indicator="lowest-hourly-pay"]');
    await explorer.page.waitForFunction(
      (n) =>
        window.cy!.$('edge.highlight').length === n &&
        !window.cy!.getElementById('SUBCONTRACTS_FOR:ex-taskora->ex-nexa').hasClass('highlight'),
      pay.evidenceLinks,
    );
    expect(await explorer.ids('edge.highlight')).toEqual(pay.evidence.edges.map((e) => e.id).sort());
  });

  it('an entity with no links says so and suggests what to try', async () => {
    await explorer.page.goto(`${explorer.url}/?root=isahit`);
    // Loaded, not merely loading: the status line says "Loading…" first.
    await explorer.page.waitForFunction(
      () =>
        document.getElementById('graph-area')!.getAttribute('aria-busy') === 'false' &&
        document.querySelector('#status .msg') !== null,
    );
    expect(await explorer.page.textContent('#status')).toMatch(/Nothing is linked here at this date/);
    expect(await explorer.ids()).toEqual(['isahit']);
  });

  it('says the database is not answering when Neo4j is down', async () => {
    const down = createDatabase({ uri: 'bolt://127.0.0.1:1' });
    const server = await startTestServer(down, { CLIENT_DIR: 'dist/client-test' });
    try {
      await explorer.page.goto(`${server.url}/?root=ex-taskora`);
      await explorer.page.waitForSelector('#status .msg.error', { timeout: 30_000 });
      expect(await explorer.page.textContent('#status')).toMatch(/database is not answering/);
    } finally {
      await server.close();
      await down.close();
    }
  });

  it('the GraphQL console runs an example query', async () => {
    await explorer.page.goto(`${explorer.url}/graphiql`);
    // GraphiQL loads its editors after the page, and Run does nothing until both the query and the result editor
    // exist (seen on a slow CI machine): wait for the example in one and for the other.
    await explorer.page.waitForFunction(
      () => {
        const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as
          | (Element & { CodeMirror?: { getValue(): string } })
          | null;
        return (
          (editor?.CodeMirror?.getValue() ?? '').includes('query') &&
          document.querySelector('.result-window .CodeMirror') !== null
        );
      },
      undefined,
      { timeout: 40_000 },
    );
    // React hands the editors to Run a moment after they appear: a click in that moment sends nothing, so click
    // again until the example is sent (a second click while it runs would stop it).
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const sent = explorer.page
        .waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('CascadeIn2020'), {
          timeout: 2_000,
        })
        .then(
          () => true,
          () => false,
        );
      await explorer.page.click('.graphiql-execute-button');
      if (await sent) break;
    }
    await explorer.page.waitForFunction(
      () => (document.querySelector('.result-window')?.textContent ?? '').includes('"data"'),
      undefined,
      { timeout: 20_000 },
    );
    const result = await explorer.page.textContent('.result-window');
    // The first example is Taskora's neighbourhood on 1 June 2020, when DataVolt was its buyer.
    expect(result).not.toContain('"errors"');
    expect(result).toContain('"ex-datavolt"');
  });

  it('a saved URL restores the whole view: expansions and highlighted evidence included', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-nexa&depth=1`);
    await explorer.page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 1);
    const base = await explorer.ids();
    await explorer.page.goto(
      `${explorer.url}/?root=ex-nexa&depth=1&exp=ex-broker&hl=claim:ex-claim-taskora-intermediary`,
    );
    await explorer.page.waitForFunction(() => window.cy!.$('edge.highlight').length > 0);
    await explorer.waitIdle();
    expect(await explorer.ids()).toEqual([...new Set([...base, 'ex-vocalis', 'ex-taskora', 'ex-broker'])].sort());
    expect(await explorer.ids('edge.highlight')).toEqual([
      'SUBCONTRACTS_FOR:ex-nexa->ex-broker',
      'SUBCONTRACTS_FOR:ex-taskora->ex-nexa',
    ]);
    // Collapsing keeps the evidence; the URL follows the state.
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-broker').emit('dbltap');
    });
    await explorer.page.waitForFunction(() => window.cy!.getElementById('ex-vocalis').length === 0);
    expect(explorer.page.url()).not.toContain('exp=');
    expect(explorer.page.url()).toContain('hl=claim%3Aex-claim-taskora-intermediary');
  });

  it('a slow answer for an earlier selection never overwrites the newer one', async () => {
    // Hold Taskora's scorecard back until DataVolt's has been shown.
    await explorer.page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Scorecard') && body.includes('"ex-taskora"'))
        await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&dir=OUTGOING&asOf=2020-06-01`);
    await explorer.page.waitForFunction(() => window.cy?.getElementById('ex-datavolt').length === 1);
    await explorer.waitIdle();
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-taskora').emit('tap');
    });
    await explorer.page.evaluate(() => {
      window.cy!.getElementById('ex-datavolt').emit('tap');
    });
    await explorer.page.waitForSelector('#audit-panel .badge[data-verdict]');
    await explorer.page.waitForTimeout(3000); // the held answer arrives now, and must be dropped
    expect(await explorer.page.textContent('#details h2')).toBe('DataVolt');
    const claims = await explorer.page.$$eval('#audit-panel button[data-action="evidence"]', (els) =>
      els.map((e) => e.getAttribute('data-claim')).sort(),
    );
    const own = await explorer.page.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ audit(organizationId: "ex-datavolt", asOf: "2020-06-01") { claim { id } } }',
        }),
      });
      return ((await res.json()) as { data: { audit: { claim: { id: string } }[] } }).data.audit
        .map((a) => a.claim.id)
        .sort();
    });
    expect(own.length).toBeGreaterThan(0);
    expect(own).not.toContain('ex-claim-taskora-intermediary');
    expect(claims).toEqual(own);
  });

  it('shows how two entities are connected, from a button on the second one, the weakest steps marked', async () => {
    await explorer.page.goto(`${explorer.url}/?root=ex-pool-fr-home&depth=3&sel=ex-megacorp`);
    await explorer.page.waitForSelector('#details button[data-action="connect"]');
    expect(await explorer.page.textContent('#details button[data-action="connect"]')).toMatch(
      /How is it connected to Home-based transcribers/,
    );
    await explorer.page.click('#details button[data-action="connect"]');
    await explorer.page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'connections');
    await explorer.page.waitForFunction(() => (window.cy?.edges().length ?? 0) === 5);
    await explorer.waitIdle();
    expect(explorer.page.url()).toContain('to=ex-megacorp');
    expect(await explorer.ids('edge')).toEqual([
      'FEEDS:ex-task-voice-transcription->ex-ai-megacorp-assistant',
      'ORDERED_BY:ex-task-voice-transcription->ex-vocalis',
      'OWNED_BY:ex-ai-megacorp-assistant->ex-megacorp',
      'PERFORMED_BY:ex-task-voice-transcription->ex-pool-fr-home',
      'SUBCONTRACTS_FOR:ex-vocalis->ex-megacorp',
    ]);
    expect(await explorer.ids('node.root')).toEqual(['ex-megacorp', 'ex-pool-fr-home']);
    expect(await explorer.page.textContent('#details')).toMatch(/2 shortest chains of 3 links/);
    await explorer.page.screenshot({ path: 'test-results/connections.png' });
  });
});
