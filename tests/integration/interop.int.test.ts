// FollowTheMoney through the CLI against a real Neo4j: the store exported as FtM and imported into an empty store is
// the same graph; foreign FtM is mapped with a kinds file, people left out and said.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { exportDataset, type Dataset } from '../../server/dataset/index.js';
import { importFixtures } from '../../server/fixtures.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { auditClaims } from '../../server/audit/audit-service.js';
import { importDataset } from '../../server/dataset/index.js';
import { validDataset } from '../support/load-dataset.js';
import { startTestServer } from '../support/test-server.js';
import { cliEnv, resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'deep-labour-interop-'));
beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

const sorted = (d: Dataset) =>
  Object.fromEntries(
    (['sources', 'organizations', 'workerPools', 'tasks', 'aiProducts', 'links', 'claims'] as const).map((s) => [
      s,
      [...(d[s] as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false } };
};

describe('FollowTheMoney through the CLI', () => {
  it('export --format ftm, then import into an empty store, gives the same graph', async () => {
    await importFixtures(db);
    const before = await exportDataset(db);
    const file = join(dir, 'store.ftm.json');
    const a = io();
    expect(await runCli(['export', '--format', 'ftm', file], cliEnv(), a.io)).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.every((l) => typeof JSON.parse(l).schema === 'string')).toBe(true);
    await resetGraph(db);
    const b = io();
    expect(await runCli(['import', file], cliEnv(), b.io), b.err.join('\n')).toBe(0);
    expect(sorted(await exportDataset(db))).toEqual(sorted(before));
  });

  it('imports foreign FtM with a kinds file: people left out and counted, unmapped schemata said', async () => {
    await resetGraph(db);
    const file = join(dir, 'aleph-export.ftm.json');
    writeFileSync(
      file,
      [
        { id: 'p1', schema: 'Person', properties: { name: ['A person (fictional)'] } },
        { id: 'c1', schema: 'Company', properties: { name: ['Foreign Platform (fictional)'], country: ['de'] } },
        { id: 'c2', schema: 'Company', properties: { name: ['Foreign Client (fictional)'] } },
        { id: 'v1', schema: 'Vessel', properties: { name: ['A boat'] } },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const kinds = join(dir, 'kinds.json');
    writeFileSync(kinds, JSON.stringify({ default: 'client', kinds: { c1: 'platform' } }));
    const r = io();
    expect(await runCli(['import', file, '--kinds', kinds], cliEnv(), r.io), r.err.join('\n')).toBe(0);
    expect(r.err.join('\n')).toMatch(/1 Person entity left out: this tool models groups of workers, never individuals/);
    expect(r.err.join('\n')).toMatch(/1 Vessel entity left out/);
    const stored = await exportDataset(db);
    expect(stored.organizations.map((o) => [o.id, o.kind, o.country ?? null])).toEqual([
      ['c1', 'platform', 'DE'],
      ['c2', 'client', null],
    ]);
    const bad = join(dir, 'bad-kinds.json');
    writeFileSync(bad, JSON.stringify({ default: 'ministry' }));
    const x = io();
    expect(await runCli(['import', file, '--kinds', bad], cliEnv(), x.io)).toBe(2);
    expect(x.err.join('\n')).toMatch(/"ministry"; kinds are platform/);
  });
});

describe('control between organisations', () => {
  const dataset = (withControl: boolean) =>
    validDataset({
      format: 'deep-labour/v1',
      id: 'control-test',
      name: 'Control test (fictional)',
      sources: [{ id: 'ct-src', title: 'Registry extract (fictional)', type: 'registry' }],
      organizations: [
        { id: 'ct-platform', name: 'Platform (fictional)', kind: 'platform' },
        { id: 'ct-sub', name: 'Subsidiary (fictional)', kind: 'vendor' },
      ],
      workerPools: [{ id: 'ct-pool', name: 'Pool (fictional)', size: 50 }],
      links: [
        { type: 'CONTRACTED_BY', from: 'ct-pool', to: 'ct-platform', sources: ['ct-src'] },
        { type: 'SUBCONTRACTS_FOR', from: 'ct-sub', to: 'ct-platform', sources: ['ct-src'] },
        ...(withControl
          ? [
              {
                type: 'CONTROLLED_BY',
                from: 'ct-sub',
                to: 'ct-platform',
                interests: ['shareholding'],
                shareMin: 100,
                shareMax: 100,
                directOrIndirect: 'direct',
                sources: ['ct-src'],
              },
            ]
          : []),
      ],
      claims: [
        {
          id: 'ct-claim',
          by: 'ct-platform',
          subject: 'ct-platform',
          kind: 'NO_SUBCONTRACTING',
          text: 'We never subcontract (fictional).',
          sources: ['ct-src'],
        },
      ],
    });
  const verdict = async () =>
    (await auditClaims(db, { organizationId: null, claimId: 'ct-claim', asOf: '2026-01-01', minPoolSize: 10 }))
      .audits[0]!;

  it('export --format bods, then import into an empty store: the organisations and who controls them come back', async () => {
    await resetGraph(db);
    await importDataset(db, dataset(true));
    const file = join(dir, 'control.bods.json');
    const a = io();
    expect(await runCli(['export', '--format', 'bods', file], cliEnv(), a.io), a.err.join('\n')).toBe(0);
    const before = await exportDataset(db);
    await resetGraph(db);
    const b = io();
    expect(await runCli(['import', file, '--format', 'bods'], cliEnv(), b.io), b.err.join('\n')).toBe(0);
    const after = await exportDataset(db);
    expect(after.organizations.map((o) => [o.id, o.kind])).toEqual(before.organizations.map((o) => [o.id, o.kind]));
    expect(after.links.map(({ sources: _s, ...l }) => l)).toEqual(
      before.links.filter((l) => l.type === 'CONTROLLED_BY').map(({ sources: _s, ...l }) => l),
    );
    expect(after.workerPools).toEqual([]); // labour is not ownership: not in BODS
    const c = io();
    expect(await runCli(['import', file, '--format', 'ftm'], cliEnv(), c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/not FollowTheMoney entities/);
  });

  it('the example BODS file (an anonymous owner, an indirect chain) imports to the graph docs/interoperability.md describes', async () => {
    await resetGraph(db);
    const r = io();
    expect(await runCli(['import', 'docs/examples/ownership.bods.json'], cliEnv(), r.io), r.err.join('\n')).toBe(0);
    const g = await exportDataset(db);
    expect(g.organizations.map((o) => [o.id, o.kind, o.undisclosedReason ?? null])).toEqual(
      [
        ['ex-labelling-co', 'other', null],
        ['ex-holding', 'other', null],
        ['ex-anonymous-owner', 'undisclosed', 'interestedPartyHasNotProvidedInformation'],
        ['ex-rel-indirect-intermediate', 'undisclosed', 'informationUnknownToPublisher'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(g.links.map((l) => [l.from, l.to, l.shareMin ?? null, l.shareMax ?? null]).sort()).toEqual([
      ['ex-labelling-co', 'ex-anonymous-owner', 25, 50],
      ['ex-labelling-co', 'ex-rel-indirect-intermediate', 51, 51],
      ['ex-rel-indirect-intermediate', 'ex-holding', 51, 51],
    ]);
    expect(g.sources.map((s) => s.type)).toEqual(['registry']);
  });

  it('a subcontractor the platform controls is the platform: NO_SUBCONTRACTING holds, and the control link is cited', async () => {
    await resetGraph(db);
    await importDataset(db, dataset(false));
    expect((await verdict()).verdict).toBe('CONTRADICTED');
    await importDataset(db, dataset(true));
    const judged = await verdict();
    expect(judged.verdict).toBe('SUPPORTED');
    expect(judged.explanation).toMatch(/within its own group/);
    expect(judged.evidence!.edges.map((e) => e.id)).toContain('CONTROLLED_BY:ct-sub->ct-platform');
    expect(judged.evidence!.edges.find((e) => e.type === 'CONTROLLED_BY')).toMatchObject({
      interests: ['shareholding'],
      shareMin: 100,
      shareMax: 100,
      directOrIndirect: 'direct',
    });
  });
});

describe('identifiers', () => {
  const org = (id: string, name: string, lei: string) => ({
    id,
    name,
    kind: 'vendor',
    identifiers: [
      { scheme: 'LEI', id: lei },
      { scheme: 'XI-TEST', id: `${id}-1` },
    ],
  });
  it('an import says which incoming organisation is probably a stored one (never merged); entity and search find by identifier', async () => {
    await resetGraph(db);
    await importDataset(
      db,
      validDataset({
        format: 'deep-labour/v1',
        id: 'ids-a',
        name: 'Ids A (fictional)',
        organizations: [org('ids-one', 'One Data (fictional)', 'TESTLEI0000000000001')],
      }),
    );
    const summary = await importDataset(
      db,
      validDataset({
        format: 'deep-labour/v1',
        id: 'ids-b',
        name: 'Ids B (fictional)',
        organizations: [org('ids-uno', 'One Data SAS (fictional)', 'TESTLEI0000000000001')],
      }),
    );
    expect(summary.warnings).toEqual([
      {
        path: 'organizations[0].identifiers',
        message:
          '"ids-uno" is probably the same as "ids-one" ("One Data (fictional)"): both have LEI:TESTLEI0000000000001. They stay two records; give them one id if they are one organisation',
      },
    ]);
    const api = await startTestServer(db);
    try {
      const one = await api.query(
        '{ entity(id: "XI-TEST:ids-one-1") { id ... on Organization { identifiers { scheme id } } } }',
      );
      expect(one.data!.entity).toEqual({
        id: 'ids-one',
        identifiers: [
          { scheme: 'LEI', id: 'TESTLEI0000000000001' },
          { scheme: 'XI-TEST', id: 'ids-one-1' },
        ],
      });
      const both = await api.query('{ search(text: "LEI:TESTLEI0000000000001") { id } }');
      expect(both.data!.search).toEqual([{ id: 'ids-one' }, { id: 'ids-uno' }]);
      expect((await api.query('{ entity(id: "LEI:NOPE") { id } }')).data!.entity).toBeNull();
      expect((await api.query('{ entity(id: "ids-one") { id } }')).data!.entity).toEqual({ id: 'ids-one' });
    } finally {
      await api.close();
    }
  });
});

describe('export formats through the CLI', () => {
  it('writes GEXF and GraphML of the whole store, as the explorer writes them of a view', async () => {
    await resetGraph(db);
    await importFixtures(db);
    const store = await exportDataset(db);
    const entities =
      store.organizations.length + store.workerPools.length + store.tasks.length + store.aiProducts.length;
    for (const format of ['gexf', 'graphml']) {
      const file = join(dir, `store.${format}`);
      const a = io();
      expect(await runCli(['export', '--format', format, file], cliEnv(), a.io), a.err.join('\n')).toBe(0);
      const xml = readFileSync(file, 'utf8');
      expect((xml.match(/<node /g) ?? []).length, format).toBe(entities);
      expect((xml.match(/<edge /g) ?? []).length, format).toBe(store.links.length);
    }
  });

  it('refuses a picture format, saying that only the explorer draws it', async () => {
    const a = io();
    expect(await runCli(['export', '--format', 'png', join(dir, 'x.png')], cliEnv(), a.io)).toBe(2);
    expect(a.err.join('\n')).toMatch(/cannot write PNG image: it is the picture the explorer draws/);
    const b = io();
    expect(await runCli(['export', '--format', 'xlsx', join(dir, 'x.xlsx')], cliEnv(), b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('--format must be json, csv, ftm, bods, gexf or graphml, got "xlsx"');
  });
});

describe('files of two formats with one base name, and who the history names', () => {
  it('a BODS file and an FtM file called the same become two datasets: importing one leaves the other; the history names --author, DEEP_LABOUR_AUTHOR or "command line", never the system user', async () => {
    await resetGraph(db);
    const bods = join(dir, 'same.bods.json');
    copyFileSync('docs/examples/ownership.bods.json', bods);
    const ftm = join(dir, 'same.ftm.json');
    writeFileSync(
      ftm,
      [{ id: 'c9', schema: 'Company', properties: { name: ['Other Platform (fictional)'] } }]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const a = io();
    expect(await runCli(['import', bods], cliEnv(), a.io), a.err.join('\n')).toBe(0);
    const b = io();
    expect(await runCli(['import', ftm, '--author', 'Desk B'], cliEnv(), b.io), b.err.join('\n')).toBe(0);
    const c = io();
    expect(
      await runCli(['import', ftm, '--reason', 'again'], { ...cliEnv(), DEEP_LABOUR_AUTHOR: 'Newsroom desk' }, c.io),
      c.err.join('\n'),
    ).toBe(0);
    const listed = io();
    expect(await runCli(['datasets'], cliEnv(), listed.io)).toBe(0);
    expect(listed.out.join('\n')).toMatch(/^same-bods\t/m);
    expect(listed.out.join('\n')).toMatch(/^same-ftm\t/m);
    expect((await exportDataset(db)).organizations.map((o) => o.id)).toEqual(
      expect.arrayContaining(['ex-labelling-co', 'c9']),
    );
    const bad = io();
    expect(await runCli(['import', ftm, '--author', 'Desk\u2028B'], cliEnv(), bad.io)).toBe(2);
    const server = await startTestServer(db);
    try {
      const r = await server.query('{ changes(first: 10) { edges { node { author dataset } } } }');
      const authors = r.data!.changes.edges.map((e: { node: { author: string; dataset: string } }) => [
        e.node.dataset,
        e.node.author,
      ]);
      expect(authors).toEqual([
        ['same-ftm', 'Newsroom desk'],
        ['same-ftm', 'Desk B'],
        ['same-bods', 'command line'],
      ]);
      expect(JSON.stringify(r.data)).not.toContain(`(${userInfo().username})`);
    } finally {
      await server.close();
    }
  }, 240_000);
});
