import { describe, expect, it } from 'vitest';
import {
  checkCountry,
  checkDepth,
  checkId,
  checkKind,
  checkRange,
  decodeCursor,
  encodeCursor,
  LIMITS,
  toFullTextQuery,
} from './arguments.js';

const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('argument checks', () => {
  it('accepts depths from 1 to the generated maximum, and nothing else', () => {
    expect(checkDepth(1)).toBe(1);
    expect(checkDepth(LIMITS.maxDepth)).toBe(12);
    for (const bad of [0, 13, 2.5, Number.NaN]) expect(code(() => checkDepth(bad))).toBe('BAD_USER_INPUT');
    expect(() => checkRange(6000, 'limit', 1, 5000)).toThrow('limit must be a whole number from 1 to 5000, got 6000');
  });

  it('refuses empty ids, unknown kinds and non-ISO countries', () => {
    expect(code(() => checkId('  ', 'rootId'))).toBe('BAD_USER_INPUT');
    expect(checkKind('end-customer')).toBe('end-customer');
    expect(checkKind(null)).toBeNull();
    expect(code(() => checkKind('startup'))).toBe('BAD_USER_INPUT');
    expect(checkCountry('MG')).toBe('MG');
    expect(code(() => checkCountry('France'))).toBe('BAD_USER_INPUT');
  });

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor('ex-taskora'))).toBe('ex-taskora');
    expect(decodeCursor(null)).toBe('');
    expect(code(() => decodeCursor(Buffer.from('user:x').toString('base64url')))).toBe('BAD_USER_INPUT');
  });

  it('turns typed words into prefix terms, splitting as the analyzer does and making query syntax inert', () => {
    expect(toFullTextQuery('Voice-assistant snip')).toBe('voice* AND assistant* AND snip*');
    expect(toFullTextQuery('Être')).toBe('être*');
    expect(code(() => toFullTextQuery('*** ~~'))).toBe('BAD_USER_INPUT');
  });
});
