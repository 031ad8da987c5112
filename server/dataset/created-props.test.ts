import { describe, expect, it } from 'vitest';
import { createdLinkProps, createdRecordProps, recordLabels } from './created-props.js';
import { linkHash, recordHash } from '../history/evidence-hash.js';
import { readFileSync } from 'node:fs';
import { SECTIONS } from '../../format/model.js';
import { validateDataset } from '../../format/validate-dataset.js';
import { datasetRows } from './import-dataset.js';

describe('what an import creates, with its h', () => {
  it('hashes a record as create-records stores it: its id, its own properties, its dataset and its change', () => {
    const made = createdRecordProps('WorkerPool', 'pool-1', { id: 'pool-1', name: 'Pool', size: 40 }, 'data', 7);
    expect(made).toMatchObject({ id: 'pool-1', name: 'Pool', size: 40, datasets: ['data'], recFrom: 7 });
    const { h, ...stored } = made;
    expect(h).toBe(recordHash(['Record', 'WorkerPool', 'Entity'], stored));
    // Another dataset, change or label is other content.
    expect(createdRecordProps('WorkerPool', 'pool-1', { name: 'Pool', size: 40 }, 'other', 7).h).not.toBe(h);
    expect(createdRecordProps('WorkerPool', 'pool-1', { name: 'Pool', size: 40 }, 'data', 8).h).not.toBe(h);
    expect(createdRecordProps('Task', 'pool-1', { name: 'Pool', size: 40 }, 'data', 7).h).not.toBe(h);
  });

  it('hashes a link with its type and ends', () => {
    const link = { type: 'CONTRACTED_BY', from: 'pool-1', to: 'org-1', props: { id: 'l1', sources: ['s1'] } };
    const { h, ...stored } = createdLinkProps(link, 'data', 7);
    expect(stored).toEqual({ id: 'l1', sources: ['s1'], datasets: ['data'], recFrom: 7 });
    expect(h).toBe(linkHash('CONTRACTED_BY', 'pool-1', 'org-1', stored));
    expect(createdLinkProps({ ...link, to: 'org-2' }, 'data', 7).h).not.toBe(h);
  });

  it('knows the labels of every kind of record a dataset holds, and refuses one it does not know', () => {
    // A dataset with a record in every section: the documented map, the wage references' first rows and a reply.
    const d = JSON.parse(readFileSync('fixtures/public-reporting.json', 'utf8'));
    const wages = JSON.parse(readFileSync('fixtures/wage-references.json', 'utf8'));
    d.wageReferences = wages.wageReferences.slice(0, 1);
    d.exchangeRates = wages.exchangeRates.slice(0, 1);
    const cited = new Set([...d.wageReferences, ...d.exchangeRates].flatMap((x: { sources: string[] }) => x.sources));
    d.sources.push(...wages.sources.filter((x: { id: string }) => cited.has(x.id)));
    d.replies = [
      {
        id: 'reply-test',
        organization: d.organizations[0].id,
        askedOn: '2026-11-02',
        askedBy: 'tester',
        deadline: '2026-11-16',
        claims: [d.claims[0].id],
        note: 'test record: no request was sent',
      },
    ];
    const v = validateDataset(d);
    if (!v.ok) throw new Error(JSON.stringify(v.problems.slice(0, 3)));
    const { records } = datasetRows(v.dataset);
    const sections = new Set(records.map((r) => r.path.slice(0, r.path.indexOf('['))));
    expect([...sections].sort()).toEqual(SECTIONS.filter((x) => x !== 'links').sort());
    for (const r of records) expect(recordLabels(r.label)).toContain(r.label);
    expect(() => recordLabels('Nope')).toThrow(/no labels known for records of kind "Nope"/);
  });
});
