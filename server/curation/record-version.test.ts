import { describe, expect, it } from 'vitest';
import { ABSENT_VERSION, recordVersion } from './record-version.js';

describe("a record's version", () => {
  const row = {
    shape: 'node',
    label: 'Organization',
    from: null,
    to: null,
    props: { id: 'o', name: 'O', country: 'FR' },
  };
  it('is the same for the same record whatever the order of its fields, and changes with any field', () => {
    expect(recordVersion([row])).toBe(recordVersion([{ ...row, props: { country: 'FR', name: 'O', id: 'o' } }]));
    expect(recordVersion([row])).not.toBe(recordVersion([{ ...row, props: { ...row.props, country: 'DE' } }]));
    expect(recordVersion([row])).toMatch(/^v1-[\w-]{22}$/);
  });
  it('says "absent" when no record has the id', () => {
    expect(recordVersion([])).toBe(ABSENT_VERSION);
  });
});
