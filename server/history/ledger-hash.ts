// The ledger's hash chain (issue #29.3, docs/versioning.md "The ledger is the spine"): each change's `hash` is the
// SHA-256 of the RFC 8785 canonical JSON of its content and the previous change's hash. Pure.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * A change's properties that are not part of its hashed content: the hash itself, and what a later review writes
 * onto it (a review is a change of its own, in the chain, and names the change it settled).
 */
export const UNHASHED_CHANGE_KEYS: readonly string[] = ['hash', 'status', 'reviewedBy', 'reviewedAt', 'settledBy'];

/** The content of a stored change that its hash covers: every property but UNHASHED_CHANGE_KEYS (its `prev` included). */
export function hashedChangeContent(properties: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) {
    if (!UNHASHED_CHANGE_KEYS.includes(k) && v !== null && v !== undefined) content[k] = v;
  }
  return content;
}

/** SHA-256 hex of the RFC 8785 canonical JSON of `value`. */
export function canonicalHash(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('ledger: a value without a JSON form cannot be hashed');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash of a stored change (its properties as read back, `at` as text, `prev` the previous change's hash or null). */
export function changeHash(properties: Record<string, unknown>): string {
  return canonicalHash(hashedChangeContent(properties));
}

/** The ledger's head as a report prints it (the wording lives in vocabulary/, which the explorer shares). */
export { ledgerHeadText } from '../../vocabulary/ledger.js';
