import { describe, expect, it } from 'vitest';
import { bearerSecret, hashToken, looksLikeToken, newTokenSecret, sameHash } from './token-secret.js';
import { allows } from './roles.js';

describe('token secrets', () => {
  it('are random, shaped, and stored only as their hash', () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a).not.toBe(b);
    expect(looksLikeToken(a)).toBe(true);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a.slice(4));
    expect(sameHash(hashToken(a), hashToken(a))).toBe(true);
    expect(sameHash(hashToken(a), hashToken(b))).toBe(false);
  });

  it('reads a bearer header: absent, well-formed, or malformed (null)', () => {
    const t = newTokenSecret();
    expect(bearerSecret(undefined)).toBeUndefined();
    expect(bearerSecret('')).toBeUndefined();
    expect(bearerSecret(`Bearer ${t}`)).toBe(t);
    expect(bearerSecret(`bearer  ${t} `)).toBe(t);
    expect(bearerSecret(`Basic ${t}`)).toBeNull();
    expect(bearerSecret('Bearer dle_short')).toBeNull();
    expect(bearerSecret(`Bearer ${t} extra`)).toBeNull();
  });
});

describe('roles', () => {
  it('admin ⊃ editor ⊃ reader', () => {
    expect(allows('admin', 'editor')).toBe(true);
    expect(allows('editor', 'editor')).toBe(true);
    expect(allows('reader', 'editor')).toBe(false);
    expect(allows('editor', 'admin')).toBe(false);
  });
});
