// Import and export against a real Neo4j: schema, fixtures, idempotence, round trips, rejected datasets, interrupted imports.
import { datasetFile } from '../support/load-dataset.js';
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { exportDataset, importDataset, readDataset, writeCsvFolder, type Dataset } from '../../server/dataset/index.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { FIXTURES } from '../../server/fixtures.js';
import { minimalDataset } from '../fixtures/minimal-dataset.js';
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
    sources: [...d.sources].sort(by), organizations: [...d.organizations].sort(by), workerPools: [...d.workerPools].sort(by),
    tasks: [...d.tasks].sort(by), aiProducts: [...d.aiProducts].sort(by), links: [...d.links].sort(by), claims: [...d.claims].sort(by),
  };
}

beforeAll(async () => { db = await testDatabase(); });
beforeEach(async () => { await resetGraph(db); });
afterAll(async () => { await resetGraph(db); await db.close(); });

describe('schema', () => {
  it('applies twice without error and keeps one constraint per id', async () => {
    await db.applySchema();
    await db.applySchema();
    // One unique id per node label and per link type, no more after applying the schema again.
    const constraints = await db.read('constraints');
    const on = constraints.map((c) => `${String(c.on)}.${String(c.property)}`).sort();
    expect(on).toEqual([...new Set(on)]);
    expect(on).toEqual(expect.arrayContaining([
      'Entity.id', 'Organization.id', 'WorkerPool.id', 'Task.id', 'AIProduct.id', 'Source.id', 'Claim.id',
      ...LINK_TYPE_NAMES.map((t) => `${t}.id`),
    ]));
    expect(constraints.length).toBe(on.length);
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset);
    // The Entity constraint refuses a second node with an existing id, whatever its kind.
    const clash = { ...minimalDataset(), organizations: [], workerPools: [{ id: 'ex-taskora', name: 'Clash', sources: ['src-1'] }],
      tasks: [], aiProducts: [], links: [], claims: [] };
    const read = (await import('../../server/dataset/index.js')).validateDataset(clash);
    expect(read.ok).toBe(true);
    if (read.ok) await expect(importDataset(db, read.dataset)).rejects.toMatchObject({ code: 'CONSTRAINT_VIOLATION' });
  });
});

describe('fixtures', () => {
  it.each([['diplab', FIXTURES.diplab], ['illustrative', FIXTURES.illustrative]])('%s validates and imports whole', async (_name, path) => {
    const dataset = load(path);
    const summary = await importDataset(db, dataset);
    const entities = dataset.organizations.length + dataset.workerPools.length + dataset.tasks.length + dataset.aiProducts.length;
    expect(summary.nodesCreated).toBe(entities + dataset.sources.length);
    expect(summary.linksCreated).toBe(dataset.links.length);
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
  it('importing twice gives the same graph and counts the second run as updates', async () => {
    const dataset = load(FIXTURES.illustrative);
    await importDataset(db, dataset);
    const first = await exportDataset(db);
    const second = await importDataset(db, dataset);
    expect(second.nodesCreated).toBe(0);
    expect(second.linksCreated).toBe(0);
    expect(second.linksUpdated).toBe(dataset.links.length);
    expect(await exportDataset(db)).toEqual(first);
  });

  it('--replace empties the database first', async () => {
    await importDataset(db, load(FIXTURES.diplab));
    const dataset = load(FIXTURES.illustrative);
    const s = await importDataset(db, dataset, { replace: true });
    expect(s.deleted.nodes).toBeGreaterThan(0);
    expect((await graphSize(db)).links).toBe(dataset.links.length);
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
});

describe('bad datasets', () => {
  const cases: [string, (d: Record<string, any>) => void, string][] = [
    ['a dangling reference', (d) => { d.links[0].to = 'org-missing'; }, 'links[0].to'],
    ['an unknown link type', (d) => { d.links[0].type = 'EMPLOYS'; }, 'links[0].type'],
    ['a link between the wrong kinds of node', (d) => { d.links[2].to = 'org-a'; }, 'links[2].to'],
    ['a duplicate id', (d) => { d.organizations[1].id = 'org-a'; }, 'organizations[1].id'],
    ['a bad date', (d) => { d.links[1].since = '2020-02-31'; }, 'links[1].since'],
    ['a negative size', (d) => { d.workerPools[0].size = -5; }, 'workerPools[0].size'],
    ['a negative price', (d) => { d.links[1].pricePerUnitEur = -0.1; }, 'links[1].pricePerUnitEur'],
    ['an unknown format version', (d) => { d.format = 'deep-labour/v9'; }, 'format'],
  ];

  it.each(cases)('with %s are rejected, located, and write nothing', async (_what, breakIt, path) => {
    await importDataset(db, load(FIXTURES.illustrative));
    const before = await graphSize(db);
    const doc = minimalDataset();
    breakIt(doc);
    const file = join(dir, `bad-${path.replace(/\W/g, '_')}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const { io, err } = quietIo();
    expect(await runCli(['import', file, '--replace'], cliEnv(), io)).toBe(1);
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

describe('an interrupted import', () => {
  it('killed half-way and run again gives the complete graph, nothing duplicated', async () => {
    // A generated fictional dataset large enough to be stopped between batches.
    const pools = Array.from({ length: 3000 }, (_, i) => ({ id: `big-pool-${i}`, name: `Pool ${i}`, country: 'FR', size: i }));
    const doc = {
      format: 'deep-labour/v1', name: 'Interrupted import test (fictional)',
      sources: [], organizations: [{ id: 'big-org', name: 'Big Platform', kind: 'platform' }], workerPools: pools,
      tasks: [], aiProducts: [], claims: [],
      links: pools.map((p) => ({ type: 'WORKS_ON', from: p.id, to: 'big-org' })),
    };
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(doc));
    const child = spawn(process.execPath, ['bin/deep-labour.js', 'import', file], {
      env: { ...cliEnv(), DEEP_LABOUR_BATCH_SIZE: '25' }, stdio: 'ignore',
    });
    const exited = new Promise((done) => child.once('exit', done));
    let seen = 0;
    for (let i = 0; i < 600 && seen === 0; i++) {
      seen = (await graphSize(db)).entities;
      if (seen === 0) await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const partial = await graphSize(db);
    expect(partial.entities).toBeGreaterThan(0);
    expect(partial.entities + partial.links).toBeLessThan(6001 + 3000);

    const { io } = quietIo();
    expect(await runCli(['import', file], cliEnv(), io)).toBe(0);
    // Exact counts: with MERGE on ids and the uniqueness constraints, nothing was written twice.
    expect(await graphSize(db)).toEqual({ entities: 3001, links: 3000, claims: 0 });
  });
});

describe('the CLI', () => {
  it('without NEO4J_URI and without Java, says what to install or set, and writes nothing', async () => {
    const { NEO4J_URI: _uri, ...env } = process.env;
    const child = spawn(process.execPath, ['bin/deep-labour.js', 'import', FIXTURES.diplab], {
      env: { ...env, PATH: '/nonexistent', NEO4J_BOLT_PORT: '1', NEO4J_DATA_DIR: join(dir, 'never') }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += String(chunk); });
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

  it('validates without touching the database', async () => {
    const { io, out } = quietIo();
    expect(await runCli(['validate', FIXTURES.diplab], cliEnv(), io)).toBe(0);
    expect(out.join('\n')).toMatch(/is valid/);
    expect(await graphSize(db)).toEqual({ entities: 0, links: 0, claims: 0 });
  });
});
