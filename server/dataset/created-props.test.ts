import { describe, expect, it } from 'vitest';
import { createdLinkProps, createdRecordProps, recordLabels, RECORD_LABELS } from './created-props.js';
import { linkHash, recordHash } from '../history/evidence-hash.js';
import { ENTITY_SECTIONS } from '../../format/model.js';

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
    for (const label of [
      ...Object.values(ENTITY_SECTIONS),
      'Source',
      'Claim',
      'PayReport',
      'WageReference',
      'ExchangeRate',
      'Reply',
    ])
      expect(recordLabels(label)).toEqual(RECORD_LABELS[label]);
    expect(() => recordLabels('Nope')).toThrow(/no labels known for records of kind "Nope"/);
  });
});
