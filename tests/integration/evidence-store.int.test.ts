// The evidence store against a real Neo4j: datasets own their records, imports are all or nothing (even under SIGKILL),
// conflicts are refused before writing, two imports never interleave.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import {
  exportDataset,
  importDataset,
  removeDataset,
  unfinishedImports,
  type Dataset,
} from '../../server/dataset/index.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { validDataset } from '../support/load-dataset.js';
import { cliEnv, resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'deep-labour-store-'));

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

const SRC = { id: 'st-src', title: 'Store test scenario (fictional)', type: 'other' };
const org = (id: string, name: string, kind = 'platform') => ({ id, name, kind, country: 'FR', sources: ['st-src'] });
const pool = (id: string, size: number) => ({ id, name: `Pool ${id}`, country: 'FR', size, sources: ['st-src'] });
const link = (type: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  type,
  from,
  to,
  sources: ['st-src'],
  ...extra,
});

/** Dataset A: a platform, a vendor and two pools. B shares the platform (under another name) and one pool. */
function datasetA(): Dataset {
  return validDataset(
    {
      format: 'deep-labour/v1',
      id: 'store-a',
      name: 'Store test A (fictional)',
      sources: [SRC],
      organizations: [org('st-platform', 'Platform A-name'), org('st-vendor', 'Vendor only in A', 'vendor')],
      workerPools: [pool('st-pool-shared', 10), pool('st-pool-a', 20)],
      tasks: [],
      aiProducts: [],
      links: [
        link('WORKS_ON', 'st-pool-shared', 'st-platform'),
        link('WORKS_ON', 'st-pool-a', 'st-platform'),
        link('SUBCONTRACTS_FOR', 'st-platform', 'st-vendor', { pricePerUnitEur: 0.3 }),
      ],
      claims: [
        {
          id: 'st-claim',
          by: 'st-platform',
          subject: 'st-platform',
          kind: 'NO_SUBCONTRACTING',
          text: 'We never subcontract (fictional).',
          sources: ['st-src'],
        },
      ],
    },
    'dataset A',
  );
}
function datasetB(): Dataset {
  return validDataset(
    {
      format: 'deep-labour/v1',
      id: 'store-b',
      name: 'Store test B (fictional)',
      sources: [SRC],
      organizations: [org('st-platform', 'Platform B-name'), org('st-client', 'Client only in B', 'client')],
      workerPools: [pool('st-pool-shared', 12)],
      tasks: [],
      aiProducts: [],
      links: [
        link('WORKS_ON', 'st-pool-shared', 'st-platform', { since: '2020' }),
        link('SUBCONTRACTS_FOR', 'st-platform', 'st-client'),
      ],
      claims: [],
    },
    'dataset B',
  );
}

/** The whole store as sets of records and links, each with every field: what people would see. */
async function snapshot(): Promise<Dataset> {
  const d = await exportDataset(db);
  const by = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    ...d,
    id: '',
    name: '',
    description: '',
    sources: d.sources.sort(by),
    organizations: d.organizations.sort(by),
    workerPools: d.workerPools.sort(by),
    tasks: d.tasks.sort(by),
    aiProducts: d.aiProducts.sort(by),
    links: d.links.sort(by),
    claims: d.claims.sort(by),
  } as Dataset;
}

describe('datasets own their records', () => {
  it("re-importing a dataset without a link and a node takes them away, and leaves the other dataset's copies", async () => {
    await importDataset(db, datasetB());
    const onlyB = await snapshot();
    await resetGraph(db);

    await importDataset(db, datasetA());
    await importDataset(db, datasetB());
    expect((await snapshot()).organizations.find((o) => o.id === 'st-platform')!.name).toBe('Platform B-name');

    const smaller = datasetA();
    smaller.workerPools = smaller.workerPools.filter((p) => p.id !== 'st-pool-a');
    smaller.links = smaller.links.filter((l) => l.from !== 'st-pool-a' && l.type !== 'SUBCONTRACTS_FOR');
    smaller.organizations = smaller.organizations.filter((o) => o.id !== 'st-vendor');
    const s = await importDataset(db, smaller);
    expect(s.removed).toEqual({ records: 2, links: 2 });
    const after = await snapshot();
    expect(after.workerPools.map((p) => p.id)).toEqual(['st-pool-shared']);
    expect(after.organizations.map((o) => o.id)).toEqual(['st-client', 'st-platform']);
    expect(after.links.map((l) => l.id).sort()).toEqual([
      'SUBCONTRACTS_FOR:st-platform->st-client',
      'WORKS_ON:st-pool-shared->st-platform',
    ]);
    // A is now the newest: the shared records show A's version.
    expect(after.organizations.find((o) => o.id === 'st-platform')!.name).toBe('Platform A-name');
    expect(after.workerPools[0]!.size).toBe(10);

    // Without A, the store is exactly what B alone makes: B's versions of the shared records came back.
    const r = await removeDataset(db, 'store-a');
    expect(r.removed.records).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(onlyB);
    expect((await db.read('datasets')).map((d) => d.id)).toEqual(['store-b']);
    expect(await db.read('assertions')).toEqual([]);
  });

  it('a link whose ends changed in the same dataset is moved, not refused', async () => {
    await importDataset(db, datasetA());
    const moved = datasetA();
    moved.links = moved.links.map((l) =>
      l.type === 'SUBCONTRACTS_FOR' ? { ...l, to: 'st-pool-a' === l.to ? l.to : 'st-vendor2' } : l,
    );
    moved.organizations.push(org('st-vendor2', 'Another vendor', 'vendor') as never);
    const v = validDataset(moved);
    await importDataset(db, v);
    const link = (await snapshot()).links.find((l) => l.id === 'SUBCONTRACTS_FOR:st-platform->st-vendor');
    expect(link).toMatchObject({ from: 'st-platform', to: 'st-vendor2' });
  });

  it('a record that changes kind in its own dataset is written anew as that kind; new and known records are counted apart', async () => {
    await importDataset(db, datasetA());
    const changed = datasetA();
    // The vendor becomes a worker pool (same id), and one new organisation arrives beside the known ones.
    changed.organizations = [org('st-platform', 'Platform A-name'), org('st-new', 'New in A', 'client')] as never;
    changed.workerPools.push(pool('st-vendor', 30) as never);
    changed.links = changed.links.filter((l) => l.type !== 'SUBCONTRACTS_FOR');
    const s = await importDataset(db, validDataset(changed));
    expect(s.removed).toEqual({ records: 1, links: 1 });
    expect(s.created).toEqual({ records: 2, links: 0 });
    expect(s.updated.records).toBe(5);
    // The vendor that became a pool is written anew (among the created); the five records written again are as they were.
    expect(s.unchanged.records).toBe(5);
    const [vendor] = await db.read('find-record', { id: 'st-vendor' });
    // The first of its kind labels: Organization would come before WorkerPool had it been left on the node.
    expect(vendor).toMatchObject({ shape: 'node', label: 'WorkerPool' });
    const after = await snapshot();
    expect(after.workerPools.find((p) => p.id === 'st-vendor')).toMatchObject({ size: 30 });
    expect(after.organizations.map((o) => o.id)).toEqual(['st-new', 'st-platform']);
  });

  it('lists the datasets with their counts, and removes one through the CLI only when told --yes', async () => {
    await importDataset(db, datasetA());
    await importDataset(db, datasetB());
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false };
    expect(await runCli(['datasets'], cliEnv(), io)).toBe(0);
    expect(out.join('\n')).toMatch(/store-b\tStore test B \(fictional\)\t3\t2\t0\t1\t\d{4}-/);
    expect(await runCli(['remove', 'store-b'], cliEnv(), io)).toBe(1);
    expect(err.join('\n')).toMatch(/add --yes to confirm/);
    expect((await db.read('datasets')).length).toBe(2);
    expect(await runCli(['remove', 'store-b', '--yes'], cliEnv(), io)).toBe(0);
    expect((await db.read('datasets')).map((d) => d.id)).toEqual(['store-a']);
    expect(await runCli(['remove', 'nothing-here', '--yes'], cliEnv(), io)).toBe(1);
    expect(err.join('\n')).toMatch(/no dataset has id "nothing-here"/);
  });

  it('--replace-all says what it will delete, and needs --yes', async () => {
    await importDataset(db, datasetA());
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify(datasetB()));
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), isTTY: false };
    expect(await runCli(['import', file, '--replace-all'], cliEnv(), io)).toBe(1);
    expect(err.join('\n')).toContain(
      `will delete everything in ${cliEnv().NEO4J_URI}: dataset "store-a" (4 entities, 3 links, 1 claims)`,
    );
    expect((await db.read('datasets')).map((d) => d.id)).toEqual(['store-a']);
    expect(await runCli(['import', file, '--replace-all', '--yes'], cliEnv(), io)).toBe(0);
    expect((await db.read('datasets')).map((d) => d.id)).toEqual(['store-b']);
    expect(await runCli(['import', file, '--replace'], cliEnv(), io)).toBe(2);
  });
});

describe('conflicts are refused before anything is written', () => {
  it('an id that is another kind of node in another dataset', async () => {
    await importDataset(db, datasetA());
    const before = await snapshot();
    const clash = datasetB();
    clash.organizations = clash.organizations.filter((o) => o.id !== 'st-vendor');
    clash.workerPools.push({ id: 'st-vendor', name: "A pool with a vendor's id", country: 'FR', sources: ['st-src'] });
    await expect(importDataset(db, clash)).rejects.toMatchObject({
      name: 'ImportConflictError',
      problems: [{ path: 'workerPools[1].id', message: expect.stringContaining('"st-vendor" is an Organization') }],
    });
    expect(await snapshot()).toEqual(before);
    expect((await db.read('datasets')).map((d) => d.id)).toEqual(['store-a']);
  });

  it('a link id whose ends differ from the stored one', async () => {
    await importDataset(db, datasetA());
    const before = await snapshot();
    const clash = datasetB();
    clash.links.push({
      ...clash.links[0]!,
      id: 'SUBCONTRACTS_FOR:st-platform->st-vendor',
      type: 'SUBCONTRACTS_FOR',
      from: 'st-platform',
      to: 'st-client',
    });
    await expect(importDataset(db, clash)).rejects.toMatchObject({
      problems: [
        {
          path: 'links[2].id',
          message: expect.stringMatching(
            /joins st-platform → st-vendor in dataset store-a; here it joins st-platform → st-client/,
          ),
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a different name for one id is a warning with both names and datasets, and the import goes ahead', async () => {
    await importDataset(db, datasetA());
    const s = await importDataset(db, datasetB());
    expect(s.warnings).toEqual([
      {
        path: 'organizations[0].name',
        message:
          '"st-platform" is named "Platform A-name" in dataset store-a and "Platform B-name" here; the store shows the most recently imported version',
      },
    ]);
  });

  it('the CLI reports conflicts at the line of a CSV folder', async () => {
    await importDataset(db, datasetA());
    const { writeCsvFolder } = await import('../../server/dataset/index.js');
    const clash = datasetB();
    clash.organizations = [...clash.organizations, { id: 'st-pool-a', name: 'Org with a pool id', kind: 'other' }];
    const csv = join(dir, 'clash-csv');
    writeCsvFolder(clash, csv);
    const err: string[] = [];
    expect(await runCli(['import', csv], cliEnv(), { out: () => {}, err: (t) => err.push(t), isTTY: false })).toBe(1);
    expect(err.join('\n')).toMatch(
      /organizations\.csv line 4, column id: "st-pool-a" is a WorkerPool in dataset store-a; here it is an Organization/,
    );
  });
});

describe('all or nothing', () => {
  /** A generated fictional dataset large enough that importing it takes seconds; `version` changes a third of it. */
  function big(version: 1 | 2): Dataset {
    const n = 6000;
    const pools = Array.from({ length: n }, (_, i) => ({
      id: `kill-pool-${i}`,
      name: `Pool ${i} v${i % 3 === 0 ? version : 1}`,
      country: 'FR',
      size: 10 + i,
    })).filter((_, i) => !(version === 2 && i % 7 === 0));
    if (version === 2)
      pools.push(
        ...Array.from({ length: 500 }, (_, i) => ({
          id: `kill-new-${i}`,
          name: `New pool ${i}`,
          country: 'MG',
          size: 10,
        })),
      );
    return validDataset(
      {
        format: 'deep-labour/v1',
        id: 'kill-test',
        name: `Kill test v${version} (fictional, generated)`,
        sources: [],
        organizations: [{ id: 'kill-org', name: 'Kill Platform', kind: 'platform' }],
        tasks: [],
        aiProducts: [],
        claims: [],
        workerPools: pools,
        links: pools.map((p) => ({
          type: 'WORKS_ON',
          from: p.id,
          to: 'kill-org',
          ...(version === 2 ? { since: '2021' } : {}),
        })),
      },
      `kill test v${version}`,
    );
  }

  it('killed before, during or after the switch, the store is exactly the old version or the new one', async () => {
    const v1 = big(1);
    const v2 = big(2);
    await importDataset(db, v2);
    const newVersion = await snapshot();
    await importDataset(db, v1);
    const oldVersion = await snapshot();
    expect(oldVersion).not.toEqual(newVersion);
    const file = join(dir, 'kill-v2.json');
    writeFileSync(file, JSON.stringify(v2));

    // Moments: at once; once the import has started (its journal entry exists); well into the transaction; after it ended.
    const moments = ['at once', 'started', 'midway', 'after'] as const;
    const seen: string[] = [];
    for (const moment of moments) {
      const child = spawn(process.execPath, ['bin/deep-labour.js', 'import', file], {
        env: { ...cliEnv(), DEEP_LABOUR_BATCH_SIZE: '100' },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      if (moment === 'started' || moment === 'midway') {
        for (let i = 0; i < 400 && (await db.read('import-journal')).length === 0; i++)
          await new Promise((r) => setTimeout(r, 25));
        if (moment === 'midway') await new Promise((r) => setTimeout(r, 1500));
      }
      if (moment === 'after') expect(await exited).toBe(0);
      else child.kill('SIGKILL');
      await exited;
      const now = await snapshot();
      const which =
        JSON.stringify(now) === JSON.stringify(oldVersion)
          ? 'old'
          : JSON.stringify(now) === JSON.stringify(newVersion)
            ? 'new'
            : 'a mix';
      seen.push(`${moment}: ${which}`);
      expect(which, moment).not.toBe('a mix');
      // The next run says what a killed one left, then the store is set back to the old version.
      const unfinished = await unfinishedImports(db);
      if (moment !== 'after' && which === 'old') expect(unfinished.every((u) => !u.running)).toBe(true);
      await importDataset(db, v1);
    }
    expect(seen).toContain('after: new');
    expect(seen).toContain('midway: old');
  }, 180_000);

  it('Ctrl-C during a CLI import rolls it back and says what state it left', async () => {
    await importDataset(db, datasetA());
    const before = await snapshot();
    const file = join(dir, 'sigint.json');
    writeFileSync(file, JSON.stringify(big(2)));
    const child = spawn(process.execPath, ['bin/deep-labour.js', 'import', file], {
      env: { ...cliEnv(), DEEP_LABOUR_BATCH_SIZE: '100' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => {
      stderr += String(c);
    });
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    for (let i = 0; i < 400 && (await db.read('import-journal')).length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(
      /stopped by SIGINT; the import of "kill-test" was rolled back, so .* holds what it held before/,
    );
    expect(await snapshot()).toEqual(before);
    expect(await db.read('import-journal')).toEqual([]);
  });

  it('two imports at once do not interleave: the second waits, and the result is as if one ran after the other', async () => {
    await Promise.all([importDataset(db, datasetA()), importDataset(db, datasetB())]);
    const both = await snapshot();
    const seqs = (await db.read('datasets')).map((d) => Number(d.seq)).sort();
    expect(seqs).toEqual([1, 2]);
    const newest = (await db.read('datasets'))[0]!.id;
    await resetGraph(db);
    if (newest === 'store-b') {
      await importDataset(db, datasetA());
      await importDataset(db, datasetB());
    } else {
      await importDataset(db, datasetB());
      await importDataset(db, datasetA());
    }
    expect(await snapshot()).toEqual(both);
  });

  it('an aborted import is rolled back', async () => {
    await importDataset(db, datasetA());
    const before = await snapshot();
    const controller = new AbortController();
    const pending = importDataset(db, big(1), {
      signal: controller.signal,
      batchSize: 100,
      onProgress: (done) => {
        if (done > 1000) controller.abort();
      },
    });
    await expect(pending).rejects.toThrow(/interrupted/);
    expect(await snapshot()).toEqual(before);
    expect(await db.read('import-journal')).toEqual([]);
  });
});
