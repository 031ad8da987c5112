import { describe, expect, it } from 'vitest';
import { FIELD_SPECS, fieldSpec } from '../../format/field-specs.js';
import type { Link } from '../api/types.js';
import { otherLinkValues } from '../panels/form-kinds/link-form.js';
import { otherLinkFields, shownValue } from './details-panel.js';
import { otherLinkInputs } from './edit-forms.js';
import { LINK_FIELDS_BY_HAND, otherLinkFieldSpecs } from './link-field-specs.js';

// Fields a later version of the format might add: each shape the explorer draws without code of its own.
const NEW_FIELDS = [
  fieldSpec('exampleWorkers', { type: 'integer', minimum: 0, maximum: 100000, title: 'example workers' }),
  fieldSpec('viaAgency', { type: 'boolean', description: 'Whether a temp agency stands between.' }),
  fieldSpec('channel', { enum: ['app', 'web'] }),
  fieldSpec('languages', { type: 'array', items: { type: 'string' } }),
  fieldSpec('checks', { type: 'array', items: { enum: ['id', 'test', 'interview'] } }),
  fieldSpec('contractRef', { type: 'string' }),
];

describe('link fields the explorer does not lay out by hand', () => {
  it('are every field of the schema but those laid out by hand, and those are all in the schema', () => {
    const names = FIELD_SPECS.links.map((f) => f.name);
    for (const f of LINK_FIELDS_BY_HAND) expect(names, f).toContain(f);
    const others = FIELD_SPECS.links.filter((f) => !LINK_FIELDS_BY_HAND.has(f.name)).map((f) => f.name);
    expect(otherLinkFieldSpecs([...FIELD_SPECS.links, ...NEW_FIELDS]).map((f) => f.name)).toEqual([
      ...others,
      ...NEW_FIELDS.map((f) => f.name),
    ]);
  });

  it('take their label, bounds and values from the schema', () => {
    expect(NEW_FIELDS.map((f) => [f.name, f.shape, f.label])).toEqual([
      ['exampleWorkers', 'number', 'example workers'],
      ['viaAgency', 'boolean', 'via agency'],
      ['channel', 'text', 'channel'],
      ['languages', 'list', 'languages'],
      ['checks', 'list', 'checks'],
      ['contractRef', 'text', 'contract ref'],
    ]);
    expect([NEW_FIELDS[0]!.minimum, NEW_FIELDS[0]!.maximum, NEW_FIELDS[2]!.values, NEW_FIELDS[4]!.values]).toEqual([
      0,
      100000,
      ['app', 'web'],
      ['id', 'test', 'interview'],
    ]);
  });

  it('are shown in the details panel with their label, and left out when empty', () => {
    const link = {
      exampleWorkers: 1200,
      viaAgency: false,
      channel: 'app',
      languages: ['fr', 'mg'],
      checks: [],
      contractRef: null,
    } as unknown as Link;
    expect(otherLinkFields(link, NEW_FIELDS)).toEqual([
      ['example workers', '1,200'],
      ['via agency', 'no'],
      ['channel', 'app'],
      ['languages', 'fr, mg'],
      ['checks', null],
      ['contract ref', null],
    ]);
    expect(shownValue(true)).toBe('yes');
  });

  it('get an input each in the link form, filled from the link, and read back as the API takes them', () => {
    const link = { exampleWorkers: 12, viaAgency: true, channel: 'web', languages: ['fr', 'mg'], checks: ['test'] };
    const html = otherLinkInputs(link as unknown as Link, NEW_FIELDS);
    expect(html).toContain('<input id="edit-exampleWorkers" name="exampleWorkers" type="number" value="12"');
    expect(html).toMatch(/name="exampleWorkers"[^>]*step="any" min="0" max="100000"/);
    expect(html).toContain('<option value="yes" selected>yes</option>');
    expect(html).toContain('<option value="web" selected>web</option>');
    expect(html).toContain('>fr\nmg</textarea>');
    expect(html).toMatch(/<select id="edit-checks" name="checks"[^>]*multiple/);
    expect(html).toContain('<option value="test" selected>test</option>');
    expect(html).toContain('Whether a temp agency stands between.');
    expect(otherLinkInputs(null, NEW_FIELDS)).toContain('name="contractRef" type="text" value=""');

    const data = new FormData();
    for (const [k, v] of [
      ['exampleWorkers', '40'],
      ['viaAgency', 'no'],
      ['channel', ''],
      ['languages', ' fr \n\n sw '],
      ['checks', 'id'],
      ['checks', 'interview'],
      ['contractRef', ' C-12 '],
    ])
      data.append(k!, v!);
    expect(otherLinkValues(data, NEW_FIELDS)).toEqual({
      exampleWorkers: 40,
      viaAgency: false,
      channel: null,
      languages: ['fr', 'sw'],
      checks: ['id', 'interview'],
      contractRef: 'C-12',
    });
    // Nothing chosen in a multiple choice removes the list; a field the form did not send is left out.
    const empty = new FormData();
    expect(otherLinkValues(empty, NEW_FIELDS)).toEqual({ checks: null });
  });
});
