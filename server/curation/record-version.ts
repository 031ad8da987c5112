// A record's version as editors read it and send it back with an edit (optimistic concurrency). Pure.
import { createHash } from 'node:crypto';

/** The version of a record that no dataset holds (never added, or retracted). */
export const ABSENT_VERSION = 'absent';

/** One row of find-record: a node or a link as the store shows it. */
export interface StoredRecord {
  shape: unknown;
  label: unknown;
  from: unknown;
  to: unknown;
  props: unknown;
}

/**
 * The version of the record the store shows now: a digest of what it is (kind, ends, every field, the datasets that
 * assert it), so any change by anyone (an edit, an accept, a revert, an import) gives a new one, and a record nobody
 * changed keeps its version. Opaque to clients.
 */
export function recordVersion(rows: readonly StoredRecord[]): string {
  if (rows.length === 0) return ABSENT_VERSION;
  const canonical = rows
    .map((r) => stableJson({ shape: r.shape, label: r.label, from: r.from ?? null, to: r.to ?? null, props: r.props }))
    .sort()
    .join('\n');
  return `v1-${createHash('sha256').update(canonical).digest('base64url').slice(0, 22)}`;
}

/** JSON with object keys in order, so that equal records give equal text whatever order the store returned. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
