// Checks the current evidence against its hashes and the ledger's digest for deep-labour verify (issue #29.3,
// docs/versioning.md): reads every record and every link in pages anchored on their ids (bounded memory), recomputes
// each one's `h` from its content, names those that no longer match, and sums the stored `h` to compare with the
// digest the change counter and the ledger's head keep. A mismatched record or link is named with the change that last
// wrote it (its `recFrom`), so a reader can compare it with that change's `after`.
import type { Database } from '../db/index.js';
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { linkHash, moveDigest, recordHash } from './evidence-hash.js';

/** Elements read per page. */
const PAGE = 2000;
/** Mismatches named in full; the rest are counted. */
const NAMED = 20;

/** An element whose content does not match its `h`, or that carries none. */
export interface EvidenceMismatch {
  /** "record ex-nexa (Organization)" or "link FEEDS ex-a → ex-b (id l1)". */
  element: string;
  why: 'its content does not match its hash' | 'it carries no hash';
  /** The element's `recFrom`: the change that last wrote it, as the element itself says (none: made before elements kept it). */
  writtenBy?: number;
}

export interface EvidenceReport {
  /** Records and links read. */
  elements: number;
  /** Elements whose content does not match their `h` (the first NAMED), and how many in all. */
  mismatches: EvidenceMismatch[];
  mismatched: number;
  /** Elements without `h`: not covered in a store sealed before the digest, added outside the explorer otherwise. */
  withoutHash: number;
  /** Whether the digest covers the whole store (it started on an empty store, or `verify --seal-evidence` ran). */
  complete: boolean;
  /** The digest of the stored `h` and the counter's digest; null when the store has none yet. */
  digest: string;
  expected: string | null;
  /** How many elements the counter says the digest covers, and how many carry an `h`. */
  expectedCount: number | null;
  counted: number;
  /** The head change's digest differs from the counter's (null: the head carries none). */
  headDigest: string | null;
}

/** Reads every current record and link; see EvidenceReport. */
export async function verifyEvidence(db: Database): Promise<EvidenceReport> {
  const mismatches: EvidenceMismatch[] = [];
  let mismatched = 0;
  let elements = 0;
  let withoutHash = 0;
  const stored: string[] = [];
  let digest: string | null = null;
  let counted = 0;
  const flush = () => {
    digest = moveDigest(digest, stored, []);
    counted += stored.length;
    stored.length = 0;
  };
  const check = (element: string, props: Record<string, unknown>, h: string, writtenBy?: number) => {
    elements += 1;
    if (typeof props.h !== 'string') {
      withoutHash += 1;
      if (mismatches.length < NAMED) mismatches.push({ element, why: 'it carries no hash' });
      return;
    }
    stored.push(props.h);
    if (props.h !== h) {
      mismatched += 1;
      if (mismatches.length < NAMED)
        mismatches.push({
          element,
          why: 'its content does not match its hash',
          ...(writtenBy === undefined ? {} : { writtenBy }),
        });
    }
  };
  let after = '';
  for (;;) {
    const rows = await db.read('evidence-page-records', { after, limit: PAGE });
    for (const row of rows) {
      const labels = row.labels as string[];
      const props = row.props as Record<string, unknown>;
      const kind = labels.filter((l) => l !== 'Record' && l !== 'Entity').join(':');
      const recFrom = typeof props.recFrom === 'number' ? props.recFrom : undefined;
      check(`record ${String(row.id)} (${kind})`, props, recordHash(labels, props), recFrom);
      after = String(row.id);
    }
    flush();
    if (rows.length < PAGE) break;
  }
  for (const type of LINK_TYPE_NAMES) {
    let afterLink = '';
    for (;;) {
      const rows = await db.read('evidence-page-links', { type, after: afterLink, limit: PAGE });
      for (const row of rows) {
        const props = row.props as Record<string, unknown>;
        const [from, to] = [String(row.from), String(row.to)];
        const recFrom = typeof props.recFrom === 'number' ? props.recFrom : undefined;
        check(`link ${type} ${from} → ${to} (id ${String(row.id)})`, props, linkHash(type, from, to, props), recFrom);
        afterLink = String(row.id);
      }
      flush();
      if (rows.length < PAGE) break;
    }
  }
  const [head] = await db.read('evidence-head');
  return {
    elements,
    mismatches,
    mismatched,
    withoutHash,
    complete: head?.complete === true,
    digest: digest ?? moveDigest(null, [], []),
    expected: typeof head?.digest === 'string' ? head.digest : null,
    expectedCount: typeof head?.count === 'number' ? head.count : null,
    counted,
    headDigest: typeof head?.headDigest === 'string' ? head.headDigest : null,
  };
}

/** What verify says of the evidence: the problems (empty when it holds) and a note on what is not covered. Pure. */
export function evidenceFindings(r: EvidenceReport): { problems: string[]; note: string } {
  const problems: string[] = [];
  for (const m of r.mismatches)
    if (m.why !== 'it carries no hash' || r.complete)
      problems.push(
        `evidence: ${m.element}: ${m.why}${m.writtenBy === undefined ? '' : `; last written by change ${m.writtenBy} (its recFrom)`}`,
      );
  const named = r.mismatches.filter((m) => m.why !== 'it carries no hash' || r.complete).length;
  const all = r.mismatched + (r.complete ? r.withoutHash : 0);
  if (all > named) problems.push(`evidence: and ${all - named} more elements that do not match`);
  if (r.expected !== null && r.digest !== r.expected) {
    const n = Math.abs((r.expectedCount ?? 0) - r.counted);
    problems.push(
      `evidence: the evidence differs from the ledger's head: ${n || 'some'} element${n === 1 ? ' was' : 's were'} added or deleted outside the explorer (digest ${r.digest}, the ledger says ${r.expected})`,
    );
  }
  if (r.expected !== null && r.headDigest !== null && r.headDigest !== r.expected)
    problems.push(`evidence: the change counter's digest is not the one the ledger's head change recorded`);
  const note =
    r.expected === null && !r.withoutHash
      ? ' (evidence: no digest yet, not covered)'
      : !r.complete && r.withoutHash
        ? ` (evidence: ${r.withoutHash} element${r.withoutHash === 1 ? '' : 's'} from before the digest, not covered; \`deep-labour verify --seal-evidence\` covers them)`
        : '';
  return { problems, note };
}
