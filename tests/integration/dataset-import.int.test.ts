// Import and export against a real Neo4j: schema, fixtures, idempotence, round trips, rejected datasets, interrupted imports.
import { datasetFile } from '../support/load-dataset.js';
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { exportDataset, importDataset, readDataset, writeCsvFolder, type Dataset } from '../../server/dataset/index.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { FIXTURES } from '../../server/fixtures.js';
import { KEPT_SOURCE, minimalDataset } from '../fixtures/minimal-dataset.js';
import { cliEnv, graphSize, resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'deep-labour-import-'));

const load = datasetFile;
function quietIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false }, out, err };
}
function sortedSections(d: Dataset) {
  const by = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    sources: [...d.sources].sort(by),
    organizations: [...d.organizations].sort(by),
    workerPools: [...d.workerPools].sort(by),
    tasks: [...d.tasks].sort(by),
    aiProducts: [...d.aiProducts].sort(by),
    links: [...d.links].sort(by),
    claims: [...d.claims].sort(by),
  };
}

beforeAll(async () => {
  db = await testDatabase();
});
beforeEach(async () => {
  await resetGraph(db);
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('schema', () => {
  it('applies twice without error and keeps one constraint per id', async () => {
    await db.applySchema();
    await db.applySchema();
    // One unique id per node label and per link type, no more after applying the schema again.
    const constraints = await db.read('constraints');
    const on = constraints.map((c) => `${String(c.on)}.${String(c.property)}`).sort();
    expect(on).toEqual([...new Set(on)]);
    expect(on).toEqual(
      expect.arrayContaining([
        'Record.id',
        'Entity.id',
        'Organization.id',
        'WorkerPool.id',
        'Task.id',
        'AIProduct.id',
        'Source.id',
        'Claim.id',
        'Dataset.id',
        'Assertion.dataset',
        ...LINK_TYPE_NAMES.map((t) => `${t}.id`),
      ]),
    );
    expect(constraints.length).toBe(on.length);
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset);
    // A second dataset that gives an existing id to another kind of node is refused before anything is written.
    const clash = {
      ...minimalDataset(),
      organizations: [],
      workerPools: [{ id: 'ex-taskora', name: 'Clash', sources: ['src-1'] }],
      tasks: [],
      aiProducts: [],
      links: [],
      claims: [],
    };
    const read = (await import('../../server/dataset/index.js')).validateDataset(clash);
    expect(read.ok).toBe(true);
    if (read.ok) {
      await expect(importDataset(db, read.dataset)).rejects.toMatchObject({
        name: 'ImportConflictError',
        problems: [
          {
            path: 'workerPools[0].id',
            message: expect.stringMatching(
              /"ex-taskora" is an Organization in dataset illustrative-cascade; here it is a WorkerPool/,
            ),
          },
        ],
      });
    }
  });
});

describe('fixtures', () => {
  it.each([
    ['diplab', FIXTURES.diplab],
    ['illustrative', FIXTURES.illustrative],
  ])('%s validates and imports whole', async (_name, path) => {
    const dataset = load(path);
    const summary = await importDataset(db, dataset);
    const entities =
      dataset.organizations.length + dataset.workerPools.length + dataset.tasks.length + dataset.aiProducts.length;
    const pay =
      (dataset.payReports?.length ?? 0) + (dataset.wageReferences?.length ?? 0) + (dataset.exchangeRates?.length ?? 0);
    expect(summary.created).toEqual({
      records: entities + dataset.sources.length + dataset.claims.length + pay,
      links: dataset.links.length,
    });
    expect(await graphSize(db)).toEqual({ entities, links: dataset.links.length, claims: dataset.claims.length });
  });

  it('both load together without clashing ids', async () => {
    const a = load(FIXTURES.diplab);
    const b = load(FIXTURES.illustrative);
    await importDataset(db, a);
    await importDataset(db, b);
    const size = await graphSize(db);
    expect(size.links).toBe(a.links.length + b.links.length);
  });
});

describe('idempotent import', () => {
  it('importing twice gives the same graph and counts the second run as updates, every one unchanged', async () => {
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset);
    const first = await exportDataset(db);
    const second = await importDataset(db, dataset);
    expect(second.created).toEqual({ records: 0, links: 0 });
    expect(second.updated.links).toBe(dataset.links.length);
    expect(second.unchanged).toEqual(second.updated);
    expect(second.removed).toEqual({ records: 0, links: 0 });
    expect(second.change?.summary).toMatch(/: 0 new, 0 changed, \d+ unchanged, 0 removed$/);
    expect(await exportDataset(db)).toEqual(first);
  });

  it('a corrected version counts what it changed apart from what it left as it was, on the command line too', async () => {
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset);
    const corrected = load(FIXTURES.illustrative);
    corrected.organizations[0] = {
      ...corrected.organizations[0]!,
      name: `${corrected.organizations[0]!.name} (renamed)`,
    };
    corrected.links[0] = { ...corrected.links[0]!, note: 'corrected note' };
    const path = join(dir, 'corrected.json');
    writeFileSync(path, JSON.stringify(corrected));
    const run = quietIo();
    expect(await runCli(['import', path], cliEnv(), run.io), run.err.join('\n')).toBe(0);
    const records = [
      ...corrected.sources,
      ...corrected.organizations,
      ...corrected.workerPools,
      ...corrected.tasks,
    ].concat(
      corrected.aiProducts as never[],
      corrected.claims as never[],
      (corrected.payReports ?? []) as never[],
    ).length;
    expect(run.out.join('\n')).toContain(
      `records 0 new, 1 changed, ${records - 1} unchanged; links 0 new, 1 changed, ${corrected.links.length - 1} unchanged`,
    );
  });

  it("a re-import writes no claim's or pay report's ends again, and moves those that changed", async () => {
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset);
    // The ends as the store holds them are left as they are: nothing deleted, nothing made.
    const claimEnds = dataset.claims.map((c) => ({ id: c.id, by: c.by, subject: c.subject }));
    const payEnds = (dataset.payReports ?? []).map((p) => ({ id: p.id, pool: p.pool, task: p.task ?? null }));
    expect(payEnds.some((p) => p.task === null) && payEnds.some((p) => p.task !== null)).toBe(true);
    for (const [query, rows] of [
      ['claim-ends', claimEnds],
      ['pay-ends', payEnds],
    ] as const) {
      const { rows: out, counts } = await db.write(query, { rows });
      expect(out[0]?.linked, query).toBe(0);
      expect([counts.relationshipsCreated, counts.relationshipsDeleted], query).toEqual([0, 0]);
    }

    const corrected = load(FIXTURES.illustrative);
    const claim = corrected.claims.find((c) => c.id === 'ex-claim-taskora-intermediary')!;
    claim.subject = 'ex-pixelwork';
    const boxes = corrected.payReports!.find((p) => p.id === 'ex-pay-mg-annotators-boxes')!;
    boxes.pool = 'ex-pool-mg-operators';
    delete boxes.task;
    corrected.payReports!.find((p) => p.id === 'ex-pay-fr-raters-monthly')!.task = 'ex-task-answer-rating';
    await importDataset(db, corrected);
    const [page] = await db.read('claim-page', { after: '', first: 1000, organizationId: null, withCount: false });
    const claims = (page!.page as { claim: { id: string }; by: { id: string }; subject: { id: string } }[]).map((c) => [
      c.claim.id,
      c.by.id,
      c.subject.id,
    ]);
    // One MADE_BY and one ABOUT a claim (a claim with two would show twice), the moved one at its new subject.
    expect(claims).toEqual(
      corrected.claims.map((c) => [c.id, c.by, c.subject]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const reports = await db.read('pay-reports', {
      pools: ['ex-pool-mg-annotators', 'ex-pool-mg-operators', 'ex-pool-fr-raters'],
    });
    const shown = reports.map((r) => [
      r.poolId,
      (r.report as { id: string }).id,
      (r.report as { taskName?: string }).taskName ?? null,
    ]);
    const taskName = (id: string) => corrected.tasks.find((t) => t.id === id)!.name;
    expect(shown).toEqual([
      ['ex-pool-fr-raters', 'ex-pay-fr-raters-monthly', taskName('ex-task-answer-rating')],
      ['ex-pool-mg-operators', 'ex-pay-mg-annotators-boxes', null],
    ]);
  });

  it('replaceAll empties the whole store in the same transaction', async () => {
    await importDataset(db, load(FIXTURES.diplab));
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset, { replaceAll: true });
    expect((await graphSize(db)).links).toBe(dataset.links.length);
    expect((await db.read('datasets')).map((d) => d.id)).toEqual(['illustrative-cascade']);
  });
});

describe('export then import', () => {
  it('round-trips JSON to an identical graph', async () => {
    const original = load(FIXTURES.illustrative);
    await importDataset(db, original);
    const exported = await exportDataset(db);
    expect(sortedSections(exported)).toEqual(sortedSections(original));
    const path = join(dir, 'export.json');
    writeFileSync(path, JSON.stringify(exported));
    await resetGraph(db);
    await importDataset(db, load(path));
    expect(await exportDataset(db)).toEqual(exported);
  });

  it("keeps a source's retrieval date, archived copy and document hash through the store, JSON export and re-import", async () => {
    const doc = minimalDataset();
    Object.assign(doc.sources[0], KEPT_SOURCE);
    const path = join(dir, 'kept-source.json');
    writeFileSync(path, JSON.stringify(doc));
    const original = load(path);
    await importDataset(db, original);
    const exported = await exportDataset(db);
    expect(exported.sources).toEqual([{ ...original.sources[0], ...KEPT_SOURCE }]);
    writeFileSync(path, JSON.stringify(exported));
    await resetGraph(db);
    await importDataset(db, load(path));
    expect(await exportDataset(db)).toEqual(exported);
  });

  it('round-trips the CSV folder through the CLI', async () => {
    await importDataset(db, load(FIXTURES.diplab));
    const before = await exportDataset(db);
    const csv = join(dir, 'csv-out');
    const e = quietIo();
    expect(await runCli(['export', '--format', 'csv', csv], cliEnv(), e.io)).toBe(0);
    await resetGraph(db);
    const i = quietIo();
    expect(await runCli(['import', csv], cliEnv(), i.io)).toBe(0);
    expect(await exportDataset(db)).toEqual(before);
  });

  it('exports into an earlier CSV folder only when told to, and the folder then reads back as the new export alone', async () => {
    const diplab = load(FIXTURES.diplab);
    await importDataset(db, diplab);
    const csv = join(dir, 'csv-again');
    expect(await runCli(['export', '--format', 'csv', csv], cliEnv(), quietIo().io)).toBe(0);
    expect(existsSync(join(csv, 'payReports.csv'))).toBe(true);
    await resetGraph(db);
    await importDataset(db, { ...diplab, payReports: [] });
    const now = await exportDataset(db);
    const unasked = quietIo();
    expect(await runCli(['export', '--format', 'csv', csv], cliEnv(), unasked.io)).toBe(1);
    expect(unasked.err.join('\n')).toContain('from an earlier export; export will replace them');
    expect(existsSync(join(csv, 'payReports.csv'))).toBe(true);
    expect(await runCli(['export', '--format', 'csv', csv, '--yes'], cliEnv(), quietIo().io)).toBe(0);
    // The earlier export's pay reports are gone: read back, the folder would otherwise bring them back into the store.
    expect(existsSync(join(csv, 'payReports.csv'))).toBe(false);
    await resetGraph(db);
    expect(await runCli(['import', csv], cliEnv(), quietIo().io)).toBe(0);
    expect(await exportDataset(db)).toEqual(now);
  });
});

describe('bad datasets', () => {
  const cases: [string, (d: Record<string, any>) => void, string][] = [
    [
      'a dangling reference',
      (d) => {
        d.links[0].to = 'org-missing';
      },
      'links[0].to',
    ],
    [
      'an unknown link type',
      (d) => {
        d.links[0].type = 'EMPLOYS';
      },
      'links[0].type',
    ],
    [
      'a link between the wrong kinds of node',
      (d) => {
        d.links[2].to = 'org-a';
      },
      'links[2].to',
    ],
    [
      'a duplicate id',
      (d) => {
        d.organizations[1].id = 'org-a';
      },
      'organizations[1].id',
    ],
    [
      'a bad date',
      (d) => {
        d.links[1].since = '2020-02-31';
      },
      'links[1].since',
    ],
    [
      'a negative size',
      (d) => {
        d.workerPools[0].size = -5;
      },
      'workerPools[0].size',
    ],
    [
      'a negative price',
      (d) => {
        d.links[1].pricePerUnitEur = -0.1;
      },
      'links[1].pricePerUnitEur',
    ],
    [
      'an unknown format version',
      (d) => {
        d.format = 'deep-labour/v9';
      },
      'format',
    ],
  ];

  it.each(cases)('with %s are rejected, located, and write nothing', async (_what, breakIt, path) => {
    await importDataset(db, load(FIXTURES.illustrative));
    const before = await graphSize(db);
    const doc = minimalDataset();
    breakIt(doc);
    const file = join(dir, `bad-${path.replace(/\W/g, '_')}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const { io, err } = quietIo();
    expect(await runCli(['import', file, '--replace-all', '--yes'], cliEnv(), io)).toBe(1);
    expect(err.join('\n')).toContain(`  ${path}: `);
    expect(await graphSize(db)).toEqual(before);
  });

  it('malformed JSON is rejected with its line and writes nothing', async () => {
    const file = join(dir, 'malformed.json');
    writeFileSync(file, '{\n  "format": "deep-labour/v1",\n  "name": "x",,\n}');
    const { io, err } = quietIo();
    expect(await runCli(['import', file], cliEnv(), io)).toBe(1);
    expect(err.join('\n')).toMatch(/malformed JSON at line 3/);
    expect(await graphSize(db)).toEqual({ entities: 0, links: 0, claims: 0 });
  });

  it('malformed CSV is rejected with its file and line and writes nothing', async () => {
    const v = readDataset(FIXTURES.illustrative);
    if (!v.ok) throw new Error('fixture');
    const csv = join(dir, 'bad-csv');
    writeCsvFolder(v.dataset, csv);
    writeFileSync(join(csv, 'workerPools.csv'), 'id,name,country,size,sources\nex-pool-x,"Unclosed quote,FR,10,\n');
    const { io, err } = quietIo();
    expect(await runCli(['import', csv], cliEnv(), io)).toBe(1);
    expect(err.join('\n')).toMatch(/workerPools\.csv/);
    expect(await graphSize(db)).toEqual({ entities: 0, links: 0, claims: 0 });
  });
});

describe('the CLI', () => {
  it('without NEO4J_URI and without Java, says what to install or set, and writes nothing', async () => {
    const { NEO4J_URI: _uri, ...env } = process.env;
    const child = spawn(process.execPath, ['bin/deep-labour.js', 'import', FIXTURES.diplab], {
      env: { ...env, PATH: '/nonexistent', NEO4J_BOLT_PORT: '1', NEO4J_DATA_DIR: join(dir, 'never') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Java 17\+ is needed/);
    expect(stderr).toMatch(/NEO4J_URI/);
    expect(await graphSize(db)).toEqual({ entities: 0, links: 0, claims: 0 });
  });

  it('answers a usage error with exit code 2', async () => {
    const { io, err } = quietIo();
    expect(await runCli(['frobnicate'], cliEnv(), io)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown command/);
  });

  it('lists every source with its publisher, date, locator and the records and links that cite it', async () => {
    const dataset = load(FIXTURES.diplab);
    await importDataset(db, dataset);
    const { io, out } = quietIo();
    expect(await runCli(['sources', '--limit', '500'], cliEnv(), io)).toBe(0);
    const text = out.join('\n');
    for (const s of dataset.sources) {
      const cites = [
        ...dataset.organizations,
        ...dataset.workerPools,
        ...dataset.tasks,
        ...dataset.aiProducts,
        ...dataset.claims,
        ...dataset.links,
      ]
        .filter((x) => x.sources?.includes(s.id))
        .map((x) => x.id)
        .sort();
      const block = new RegExp(`^${s.id.replace(/[-.]/g, '\\$&')}: .*\\n  cited by (\\d+): (.*)$`, 'm').exec(text);
      expect(block, s.id).not.toBeNull();
      expect(block![2]!.split(', ').sort(), s.id).toEqual(cites);
    }
    expect(text).toContain('src-senate-hearing-2019-10-16-q5: Quelle protection sociale');
    expect(text).toContain('2019-10-16; at question 5 (independent status; deep labour)');
    const bad = quietIo();
    expect(await runCli(['sources', '--limit', 'x'], cliEnv(), bad.io)).toBe(2);
  });

  it('checks the source URLs only with --check, against a local server: moved, gone, changed', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === '/moved') res.writeHead(301, { location: '/new' }).end();
      else if (req.url === '/gone') res.writeHead(410).end();
      else res.writeHead(200).end(req.method === 'HEAD' ? undefined : 'edited since (fictional)');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const doc = minimalDataset();
      doc.sources = [
        { id: 'src-1', title: 'Kept (fictional)', type: 'other', ...KEPT_SOURCE, url: `${base}/report` },
        { id: 'src-2', title: 'Moved (fictional)', type: 'other', url: `${base}/moved` },
        {
          id: 'src-3',
          title: 'Gone (fictional)',
          type: 'other',
          url: `${base}/gone`,
          archiveUrl: KEPT_SOURCE.archiveUrl,
        },
        { id: 'src-4', title: 'Offline (fictional)', type: 'other' },
      ];
      const path = join(dir, 'check-sources.json');
      writeFileSync(path, JSON.stringify(doc));
      await importDataset(db, load(path));
      const list = quietIo();
      expect(await runCli(['sources'], cliEnv(), list.io)).toBe(0);
      expect(requests).toEqual([]);
      expect(list.out.join('\n')).toContain(
        `retrieved on ${KEPT_SOURCE.retrievedOn}) ${base}/report (archived copy: ${KEPT_SOURCE.archiveUrl})`,
      );
      const { io, out } = quietIo();
      expect(await runCli(['sources', '--check', '--timeout', '5'], cliEnv(), io)).toBe(1);
      expect(out.join('\n').split('\n')).toEqual([
        `src-1: ${base}/report answers (HTTP 200); the document changed since retrieved (its SHA-256 differs)`,
        `src-2: ${base}/moved moved to ${base}/new (HTTP 301; no archived copy recorded)`,
        `src-3: ${base}/gone gone (HTTP 410; archived copy: ${KEPT_SOURCE.archiveUrl})`,
        'deep-labour: checked 3 source URLs: 1 answer, 1 moved, 1 gone, 0 unreachable, 0 other, 1 changed since retrieved; 1 source has no web address to check',
      ]);
      expect(requests).not.toContain('HEAD /new');
      const bad = quietIo();
      expect(await runCli(['sources', '--timeout', '5'], cliEnv(), bad.io)).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('validates without touching the database', async () => {
    const { io, out } = quietIo();
    expect(await runCli(['validate', FIXTURES.diplab], cliEnv(), io)).toBe(0);
    expect(out.join('\n')).toMatch(/is valid/);
    expect(await graphSize(db)).toEqual({ entities: 0, links: 0, claims: 0 });
  });
});
