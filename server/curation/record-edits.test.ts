import { describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '../dataset/index.js';
import { findRecord, problemsOfEdit, recordId, withRecord } from './record-edits.js';
import { entityRecord } from './edit-inputs.js';

const doc = (): Dataset => ({
  format: 'deep-labour/v1',
  id: 'curated',
  name: 'Curated',
  sources: [{ id: 's', title: 'S', type: 'other' }],
  organizations: [
    { id: 'a', name: 'A', kind: 'platform' },
    { id: 'b', name: 'B', kind: 'vendor' },
  ],
  workerPools: [],
  tasks: [],
  aiProducts: [],
  links: [{ id: 'l', type: 'SUBCONTRACTS_FOR', from: 'a', to: 'b' }],
  claims: [],
});

describe('record edits', () => {
  it('add a request for reply to a document without any, then replace it where it is (never twice)', () => {
    const asked = {
      id: 'r',
      organization: 'a',
      askedOn: '2026-03-03',
      askedBy: 'Ed',
      claims: [],
      links: ['l'],
      deadline: '2026-03-17',
    };
    const added = withRecord(doc(), 'r', { section: 'replies', item: asked });
    expect(added.at).toBe('replies[0]');
    expect(findRecord(added.doc, 'r')).toMatchObject({ section: 'replies', index: 0 });
    const answered = withRecord(added.doc, 'r', {
      section: 'replies',
      item: { ...asked, answeredOn: '2026-03-10', answer: 'No.' },
    });
    expect(answered.at).toBe('replies[0]');
    expect(answered.doc.replies).toHaveLength(1);
    const checked = validateDataset(answered.doc);
    expect(checked.ok, JSON.stringify(checked)).toBe(true);
    const wrong = validateDataset(
      withRecord(doc(), 'r', {
        section: 'replies',
        item: { ...asked, organization: 'nobody', links: ['no-link'], deadline: '2026-03-01', answer: 'x' },
      }).doc,
    );
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problems.map((p) => p.path)).toEqual([
      'replies[0].organization',
      'replies[0].links[0]',
      'replies[0].deadline',
      'replies[0].answeredOn',
    ]);
  });

  it('replace a record where it is, append a new one, or take one out, leaving the document as it was', () => {
    const d = doc();
    const replaced = withRecord(d, 'b', { section: 'organizations', item: { id: 'b', name: 'B2', kind: 'vendor' } });
    expect(replaced.at).toBe('organizations[1]');
    expect(replaced.doc.organizations.map((o) => o.name)).toEqual(['A', 'B2']);
    expect(d.organizations[1]!.name).toBe('B');
    const added = withRecord(d, 'c', { section: 'organizations', item: { id: 'c', name: 'C', kind: 'client' } });
    expect(added.at).toBe('organizations[2]');
    const removed = withRecord(d, 'l', null);
    expect(removed.doc.links).toEqual([]);
    expect(findRecord(d, 'l')).toMatchObject({ section: 'links', index: 0 });
    expect(findRecord(d, 'nope')).toBeUndefined();
  });

  it('give a link without an id the id validation gives it', () => {
    expect(recordId('links', { type: 'WORKS_ON', from: 'p', to: 'o' })).toBe('WORKS_ON:p->o');
    expect(recordId('organizations', { id: 'x' })).toBe('x');
  });

  it("say validation problems about the edited record as the argument's fields, others as the dataset's", () => {
    const { doc: next, at } = withRecord(doc(), 'l2', {
      section: 'links',
      item: { id: 'l2', type: 'SUBCONTRACTS_FOR', from: 'a', to: 'zz', since: '2021', until: '2019' },
    });
    const v = validateDataset(next, { external: new Map([['ext', 'organizations']]) });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const problems = problemsOfEdit(v.problems, at, 'link', 'curated');
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'link.to', message: '"zz" does not exist: no node in the dataset or the store has this id' },
        { path: 'link.until', message: 'ends (2019) before it starts (2021)' },
      ]),
    );
    expect(problemsOfEdit([{ path: 'links[0].to', message: 'm' }], 'links[1]', 'link', 'curated')).toEqual([
      { path: 'dataset "curated": links[0].to', message: 'm' },
    ]);
  });

  it('let a curated link name a record the store holds (external), and no other', () => {
    const { doc: next } = withRecord(doc(), 'l3', {
      section: 'links',
      item: { id: 'l3', type: 'SUBCONTRACTS_FOR', from: 'a', to: 'ext', sources: ['s'] },
    });
    expect(validateDataset(next, { external: new Map([['ext', 'organizations']]) }).ok).toBe(true);
    expect(validateDataset(next).ok).toBe(false);
  });
});

describe('entity inputs', () => {
  it("go to the section their kind names, with the task kind as the task's kind", () => {
    expect(entityRecord({ id: 'p', name: 'P', kind: 'worker-pool', size: 30, country: null })).toEqual({
      section: 'workerPools',
      item: { id: 'p', name: 'P', size: 30, country: null },
    });
    expect(entityRecord({ id: 't', name: 'T', kind: 'task', taskKind: 'annotation' })).toEqual({
      section: 'tasks',
      item: { id: 't', name: 'T', kind: 'annotation' },
    });
    expect(entityRecord({ id: 'o', name: 'O', kind: 'vendor', aliases: ['Oh'] })).toEqual({
      section: 'organizations',
      item: { id: 'o', name: 'O', kind: 'vendor', aliases: ['Oh'] },
    });
  });
  it("leave out another kind's fields given as null (a form sends every field)", () => {
    expect(entityRecord({ id: 'o', name: 'O', kind: 'vendor', size: null, taskKind: null })).toEqual({
      section: 'organizations',
      item: { id: 'o', name: 'O', kind: 'vendor' },
    });
  });
  it('refuse an unknown kind and a field of another kind, by path', () => {
    expect(entityRecord({ id: 'x', name: 'X', kind: 'person' })).toEqual({
      problems: [{ path: 'entity.kind', message: expect.stringMatching(/"person" is not one of platform/) }],
    });
    expect(entityRecord({ id: 'x', name: 'X', kind: 'ai-product', size: 3 })).toEqual({
      problems: [{ path: 'entity.size', message: expect.stringMatching(/workerPools/) }],
    });
  });
});
