// API tokens: random secrets shown once, stored only as their SHA-256 (a 256-bit random secret needs no slow hash). Pure.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'dle_';
const SHAPE = /^dle_[A-Za-z0-9_-]{43}$/;

/** A new secret: "dle_" and 32 random bytes in base64url (the prefix lets secret scanners spot a leaked one). */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** True when `text` has the shape of a token this tool makes. */
export function looksLikeToken(text: string): boolean {
  return SHAPE.test(text);
}

/** What the store keeps of a token. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The secret from an Authorization header (`Bearer <token>`): undefined when there is no header, null when it is
 * there but malformed (the caller answers UNAUTHENTICATED and never echoes it).
 */
export function bearerSecret(header: string | undefined): string | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m && looksLikeToken(m[1]!) ? m[1]! : null;
}
