// Each current element's content hash `h` and the evidence digest (issue #29.3, docs/versioning.md "The ledger is the
// spine"): `h` is the SHA-256 of the RFC 8785 form of a record's or link's content, and the digest is the sum modulo
// 2^256 of the `h` of every current element, so that a write moves it by what it retires and what it makes. Pure.
import { canonicalHash } from './ledger-hash.js';

/**
 * An element's properties that are not evidence: the hash itself. Everything else the store keeps on a record or a
 * link is hashed, `datasets` included (which datasets assert it is evidence of who says so).
 */
export const UNHASHED_EVIDENCE_KEYS: readonly string[] = ['h'];

/**
 * The hashed form of a value as read back from the store (after db/'s toPlain: integers and floats as numbers,
 * temporal values as ISO text): nulls dropped from maps, lists kept in order. A JS number sent as a Float and read
 * back is the same number, so the hash of what was written equals the hash of what is read.
 */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (v !== null && v !== undefined) out[k] = normalise(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** A property map minus UNHASHED_EVIDENCE_KEYS and nulls, normalised. */
export function evidenceProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) {
    if (!UNHASHED_EVIDENCE_KEYS.includes(k) && v !== null && v !== undefined) out[k] = normalise(v);
  }
  return out;
}

/** A record's `h`: its labels (sorted: a record relabelled to another kind no longer matches) and properties. */
export function recordHash(labels: readonly string[], properties: Record<string, unknown>): string {
  return canonicalHash({ element: 'record', labels: [...labels].sort(), properties: evidenceProperties(properties) });
}

/** A link's `h`: its type, the ids of its two ends and its properties. */
export function linkHash(type: string, from: string, to: string, properties: Record<string, unknown>): string {
  return canonicalHash({ element: 'link', type, from, to, properties: evidenceProperties(properties) });
}

const MODULUS = 1n << 256n;

/** The digest of an empty store. */
export const EMPTY_DIGEST = '0'.repeat(64);

/** `digest` + Σ`added` − Σ`retired`, modulo 2^256, as 64 hex digits (null `digest`: the empty store's). */
export function moveDigest(digest: string | null, added: readonly string[], retired: readonly string[]): string {
  let plus = 0n;
  let minus = 0n;
  for (const h of added) plus += hashValue(h);
  for (const h of retired) minus += hashValue(h);
  return moveDigestBy(digest, plus, minus);
}

/** An element's `h` as the number the digest sums (a write keeps running sums, not every `h` it read). */
export const hashValue = (h: string): bigint => BigInt(`0x${h}`);

/** `digest` + `added` − `retired` (sums of hashValue), modulo 2^256, as 64 hex digits (null `digest`: the empty store's). */
export function moveDigestBy(digest: string | null, added: bigint, retired: bigint): string {
  let sum = (BigInt(`0x${digest ?? EMPTY_DIGEST}`) + added - retired) % MODULUS;
  if (sum < 0n) sum += MODULUS;
  return sum.toString(16).padStart(64, '0');
}
