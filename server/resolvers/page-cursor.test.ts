// The page cursor codec: positions round-trip, and nothing but a cursor the same list made is accepted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { idKey, pageCursor, seqKey } from './page-cursor.js';

const ids = pageCursor('org', idKey, 'organizations');
const seqs = pageCursor('change', seqKey, 'changes or historyPage');

function codeOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e instanceof GraphQLError ? e.extensions.code : e;
  }
  return 'no error';
}

describe('pageCursor', () => {
  it('reads back every position it wrote', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), (id) => ids.decode(ids.encode(id)) === id));
    fc.assert(fc.property(fc.integer(), (n) => seqs.decode(seqs.encode(n)) === n));
  });

  it('gives null for the first page', () => {
    for (const none of [null, undefined, '']) expect(ids.decode(none)).toBeNull();
  });

  it("refuses another list's cursor, a hand-made one and a padded or mangled one, naming the field", () => {
    const claim = pageCursor('claim', idKey, 'claimPage');
    expect(codeOf(() => claim.decode(ids.encode('x')))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => seqs.decode(Buffer.from('change:1.5').toString('base64url')))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => seqs.decode(Buffer.from('change:1').toString('base64')))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => ids.decode('nonsense'))).toBe('BAD_USER_INPUT');
    expect(() => claim.decode(ids.encode('x'))).toThrow(/previous claimPage query/);
  });
});
