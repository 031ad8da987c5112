import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import { FIXTURES } from '../server/fixtures.js';
import { readDataset, validateDataset, type Dataset } from '../server/dataset/index.js';
import { CELL_SHAPES } from './csv-folder.js';
import { KEPT_SOURCE, minimalDataset } from '../tests/fixtures/minimal-dataset.js';
import { datasetToFtm, ftmDatasetName, ftmToDataset, parseFtm, type FtmEntity } from './ftm.js';

const model = new Model(defaultModel);

/** Every problem FollowTheMoney's own model finds with these entities: schema, properties, types, ranges, required. */
function ftmProblems(entities: FtmEntity[]): string[] {
  const problems: string[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const e of entities) {
    const at = `${e.schema} ${e.id}`;
    let schema: ReturnType<typeof model.getSchema>;
    try {
      schema = model.getSchema(e.schema);
    } catch {
      problems.push(`${at}: no such schema`);
      continue;
    }
    if (schema.abstract) problems.push(`${at}: abstract schema`);
    try {
      model.getEntity(e);
    } catch (error) {
      problems.push(`${at}: FtM's model refuses it: ${(error as Error).message}`);
    }
    const required = new Set([schema, ...schema.getParents()].flatMap((s) => s.required));
    for (const r of required) if (!e.properties[r]?.length) problems.push(`${at}: required ${r} missing`);
    if (schema.edge)
      for (const end of [schema.edge.source, schema.edge.target])
        if (!e.properties[end]?.length) problems.push(`${at}: edge end ${end} missing`);
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${at}: no property ${name}`);
        continue;
      }
      const prop = schema.getProperty(name);
      for (const v of values) {
        if (typeof v !== 'string' || v === '') problems.push(`${at}.${name}: not a non-empty string`);
        if (v.length > prop.type.maxLength) problems.push(`${at}.${name}: longer than ${prop.type.maxLength}`);
        if (prop.type.name === 'country' && !prop.type.values.has(v))
          problems.push(`${at}.${name}: ${v} is not an FtM country`);
        if (prop.type.name === 'date' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v))
          problems.push(`${at}.${name}: ${v} is not an FtM date`);
        if (prop.type.name === 'url' && !/^https?:\/\//.test(v)) problems.push(`${at}.${name}: ${v} is not a URL`);
        if (prop.type.name === 'entity') {
          const target = byId.get(v);
          if (!target) problems.push(`${at}.${name}: ${v} is not in the file`);
          else if (!model.getSchema(target.schema).isA(prop.getRange()))
            problems.push(`${at}.${name}: a ${target.schema} is not a ${prop.getRange().name}`);
        }
      }
    }
  }
  return problems;
}

const load = (path: string): Dataset => {
  const r = readDataset(path);
  if (!r.ok) throw new Error('fixture invalid');
  return r.dataset;
};
const sorted = (d: Dataset) =>
  Object.fromEntries(
    (['sources', 'organizations', 'workerPools', 'tasks', 'aiProducts', 'links', 'claims'] as const).map((s) => [
      s,
      [...(d[s] as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );

describe('FollowTheMoney', () => {
  it.each([
    ['illustrative', FIXTURES.illustrative],
    ['DiPLab', FIXTURES.diplab],
  ])("exports the %s fixture as entities valid for FtM's own model", (_n, path) => {
    const entities = datasetToFtm(load(path));
    expect(entities.length).toBeGreaterThan(20);
    expect(ftmProblems(entities)).toEqual([]);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    expect(entities.some((e) => e.schema === 'Person')).toBe(false);
  });

  it.each([
    ['illustrative', FIXTURES.illustrative],
    ['DiPLab', FIXTURES.diplab],
  ])('export → import gives the %s dataset back exactly', (_n, path) => {
    const original = load(path);
    const lines = datasetToFtm(original)
      .map((e) => JSON.stringify(e))
      .join('\n');
    const back = ftmToDataset(parseFtm(lines)!, { id: original.id, name: original.name });
    expect(back.skippedPeople).toBe(0);
    expect(back.unmapped).toEqual({});
    const v = validateDataset(back.doc);
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (!v.ok) return;
    expect(sorted(v.dataset)).toEqual(sorted(original));
  });

  it('maps foreign FtM data: people skipped and counted, unmapped schemata reported, documentation as sources, kinds from a mapping', () => {
    const foreign: FtmEntity[] = [
      { id: 'p1', schema: 'Person', properties: { name: ['Someone (fictional)'] } },
      {
        id: 'c1',
        schema: 'Company',
        properties: { name: ['Acme Data (fictional)'], country: ['fr'], alias: ['Acme'] },
      },
      { id: 'c2', schema: 'Company', properties: { name: ['Other (fictional)'] } },
      {
        id: 'd1',
        schema: 'Document',
        properties: {
          fileName: ['r.pdf'],
          title: ['A report (fictional)'],
          sourceUrl: ['https://example.org/r.pdf'],
          retrievedAt: ['2024-03-05T10:20:00'],
        },
      },
      { id: 'doc1', schema: 'Documentation', properties: { document: ['d1'], entity: ['c1'] } },
      { id: 'v1', schema: 'Vessel', properties: { name: ['Boat'] } },
      { id: 'a1', schema: 'Asset', properties: { name: ['Assistant (fictional)'] } },
      { id: 'o1', schema: 'Ownership', properties: { owner: ['c1'], asset: ['a1'] } },
      {
        id: 'o2',
        schema: 'Ownership',
        properties: { owner: ['c1'], asset: ['c2'], percentage: ['51'], startDate: ['2020-03'] },
      },
    ];
    const r = ftmToDataset(foreign, { id: 'foreign', name: 'Foreign', kinds: { c1: 'platform' } });
    expect(r.skippedPeople).toBe(1);
    expect(r.unmapped).toEqual({ Vessel: 1 });
    const v = validateDataset(r.doc);
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (!v.ok) return;
    expect(v.dataset.organizations).toEqual([
      { id: 'c1', name: 'Acme Data (fictional)', kind: 'platform', country: 'FR', aliases: ['Acme'], sources: ['d1'] },
      { id: 'c2', name: 'Other (fictional)', kind: 'other' },
    ]);
    expect(v.dataset.sources).toEqual([
      {
        id: 'd1',
        title: 'A report (fictional)',
        type: 'other',
        url: 'https://example.org/r.pdf',
        retrievedOn: '2024-03-05',
      },
    ]);
    expect(v.dataset.links).toEqual([
      { id: 'OWNED_BY:a1->c1', type: 'OWNED_BY', from: 'a1', to: 'c1' },
      {
        id: 'CONTROLLED_BY:c2->c1',
        type: 'CONTROLLED_BY',
        from: 'c2',
        to: 'c1',
        since: '2020-03',
        interests: ['shareholding'],
        shareMin: 51,
        shareMax: 51,
      },
    ]);
  });

  it('carries every link field the JSON Schema lists, whatever its type, out to FtM and back', () => {
    const sample = { number: 0.5, boolean: true, list: ['one', 'two'], text: 'some text' } as Record<string, unknown>;
    const link: Record<string, unknown> = Object.fromEntries(
      Object.entries(CELL_SHAPES.links).map(([field, shape]) => [field, sample[shape] ?? { shape }]),
    );
    Object.assign(link, { id: 'l1', type: 'SUBCONTRACTS_FOR', from: 'a', to: 'b', since: '2020', until: '2021-06' });
    const d = {
      format: 'deep-labour/v1',
      id: 'fields',
      name: 'Every link field (fictional)',
      sources: [{ id: 'one', title: 'Report (fictional)', type: 'report' }],
      organizations: [
        { id: 'a', name: 'A (fictional)', kind: 'vendor' },
        { id: 'b', name: 'B (fictional)', kind: 'platform' },
      ],
      workerPools: [],
      tasks: [],
      aiProducts: [],
      links: [link],
      claims: [],
    } as unknown as Dataset;
    const back = ftmToDataset(datasetToFtm(d), { id: 'fields', name: 'Every link field (fictional)' });
    expect((back.doc as { links: unknown[] }).links).toEqual([link]);
  });

  it("keeps a source's retrieval date as Document's retrievedAt, its archived copy and hash in the summary, and gets them back", () => {
    const doc = minimalDataset();
    Object.assign(doc.sources[0], KEPT_SOURCE);
    const v = validateDataset(doc);
    if (!v.ok) throw new Error('fixture invalid');
    const entities = datasetToFtm(v.dataset);
    expect(ftmProblems(entities)).toEqual([]);
    const document = entities.find((e) => e.schema === 'Document')!;
    expect(document.properties.retrievedAt).toEqual([KEPT_SOURCE.retrievedOn]);
    expect(document.properties.sourceUrl).toEqual([KEPT_SOURCE.url]);
    // FtM's contentHash is the SHA-1 of the file Aleph holds: a SHA-256 does not go there.
    expect(document.properties.contentHash).toBeUndefined();
    const back = ftmToDataset(parseFtm(entities.map((e) => JSON.stringify(e)).join('\n'))!, {
      id: v.dataset.id,
      name: v.dataset.name,
    });
    const w = validateDataset(back.doc);
    expect(w.ok ? w.dataset.sources : w.problems).toEqual(v.dataset.sources);
  });

  it('keeps control between organisations as an Ownership, valid for FtM, and gets it back exactly', () => {
    const v = validateDataset({
      format: 'deep-labour/v1',
      id: 'ctl',
      name: 'Control (fictional)',
      sources: [{ id: 's', title: 'Registry (fictional)', type: 'registry' }],
      organizations: [
        { id: 'parent', name: 'Parent (fictional)', kind: 'platform' },
        { id: 'sub', name: 'Sub (fictional)', kind: 'vendor' },
      ],
      links: [
        {
          type: 'CONTROLLED_BY',
          from: 'sub',
          to: 'parent',
          since: '2019',
          interests: ['shareholding', 'votingRights'],
          shareMin: 50,
          shareMax: 75,
          directOrIndirect: 'direct',
          sources: ['s'],
        },
      ],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const entities = datasetToFtm(v.dataset);
    expect(ftmProblems(entities)).toEqual([]);
    expect(entities.find((e) => e.schema === 'Ownership')?.properties.role).toEqual(['deep-labour:CONTROLLED_BY']);
    const back = validateDataset(ftmToDataset(entities, { id: 'ctl', name: 'Control (fictional)' }).doc);
    expect(back.ok && sorted(back.dataset)).toEqual(sorted(v.dataset));
  });

  it('refuses hostile foreign entities, naming the FtM entity each problem comes from, and writes nothing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deep-labour-ftm-')), 'hostile.ftm.json');
    writeFileSync(
      file,
      [
        { id: 'c1', schema: 'Company', properties: { name: ['Evil\u202eCorp'], country: ['zz'] } },
        {
          id: 'd1',
          schema: 'Document',
          properties: { fileName: ['x'], title: ['<script>alert(1)</script>'], sourceUrl: ['javascript:alert(1)'] },
        },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const read = readDataset(file);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path)).toEqual([
      'organizations[0].country (FtM entity "c1")',
      'sources[0].url (FtM entity "d1")',
      'organizations[0].name (FtM entity "c1")',
    ]);
  });

  it('recognises FtM by content, as JSON lines or an array, and nothing else', () => {
    const line = JSON.stringify({ id: 'x', schema: 'Company', properties: {} });
    expect(parseFtm(`${line}\n${line}\n`)).toHaveLength(2);
    expect(parseFtm(`[${line}]`)).toHaveLength(1);
    expect(parseFtm(JSON.stringify({ format: 'deep-labour/v1' }))).toBeNull();
    expect(parseFtm('not json')).toBeNull();
  });
});

describe('ftmDatasetName', () => {
  it('gives an FtM file and a BODS file of the same base name different dataset ids, so that one never replaces the other', () => {
    const ftm = ftmDatasetName('exports/ownership.ftm.json', 'ftm');
    const bods = ftmDatasetName('exports/ownership.bods.json', 'bods');
    expect(ftm).toEqual({ id: 'ownership-ftm', name: 'ownership' });
    expect(bods).toEqual({ id: 'ownership-bods', name: 'ownership' });
    expect(ftmDatasetName('Ownership.jsonl', 'bods').id).toBe('ownership-bods');
  });
});
