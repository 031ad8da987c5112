// Keeps each current element's `h` and the evidence digest right inside a write transaction (issue #29.3,
// docs/versioning.md). A write path names the records and links it is about to touch (`touchRecords`, `touchLinks`,
// `touchDataset`) BEFORE it writes them: their stored `h` is read then, once per element, as what the write retires;
// or a write that reads each element's `h` before changing it returns what it changed, named after (`touchWritten`).
// Before the transaction commits (or before the change that records it is sealed) `sealEvidence` reads the touched
// elements back, stamps each with the `h` of its content as read back, and moves the digest on the change counter by
// Σ new − Σ retired: the cost is that of the write, never that of the store.
import type { Transaction } from '../db/index.js';
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { EMPTY_DIGEST, hashValue, linkHash, moveDigestBy, recordHash } from './evidence-hash.js';

/** A link's key: its type and id (link ids are unique per type). */
export interface LinkKey {
  type: string;
  id: string;
}

interface Touched {
  /** The counter's digest when the transaction took it (null: the store has none yet). */
  digest: string | null;
  /** How many elements the digest covers. */
  count: number;
  complete: boolean;
  /** Touched records' ids. */
  records: Set<string>;
  /** Touched links: "TYPE:id". */
  links: Set<string>;
  /**
   * What the touched elements carried before the write, as the digest sums it: Σ of their `h` and how many had one
   * (an element without `h` is not in the digest). Sums, not each `h`: a re-import of a million links touches them all.
   */
  retired: { sum: bigint; count: number };
}

const touchedIn = new WeakMap<Transaction, Touched>();

/**
 * What this process has spent keeping `h` and the digest, for the bench, `import --new-store` and the tests:
 * milliseconds (reads before, stamps after), elements the seal read back (every element touched), and those whose `h`
 * it had to write (an element written with the `h` of its content is read back and left as it is).
 */
export const evidenceCost = { ms: 0, read: 0, stamped: 0 };

/** Runs `work`, adding its time to evidenceCost. */
async function timed<T>(work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    evidenceCost.ms += performance.now() - start;
  }
}
/** Elements read per query. */
const PAGE = 5000;

const linkKey = (type: string, id: string) => `${type}:${id}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A set's members in pages of PAGE, without copying the set. */
function* pages(items: Set<string>): Generator<string[]> {
  let page: string[] = [];
  for (const item of items) {
    page.push(item);
    if (page.length === PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

/** Adds `key` to `set`; true when it was not there yet (an element is touched, and its `h` read, once). */
function firstTime(set: Set<string>, key: string): boolean {
  if (set.has(key)) return false;
  set.add(key);
  return true;
}

/** Adds an element's `h` read before the write (none: it is not in the digest) to what the write retires. */
function retire(t: Touched, h: unknown): void {
  if (typeof h !== 'string') return;
  t.retired.sum += hashValue(h);
  t.retired.count += 1;
}

function byType(keys: readonly LinkKey[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of keys) (out[k.type] ??= []).push(k.id);
  return out;
}

/** The transaction's bookkeeping; the first call takes the change counter (its lock and digest) and registers the seal. */
async function begin(tx: Transaction): Promise<Touched> {
  const known = touchedIn.get(tx);
  if (known) return known;
  const [row] = await tx.run('evidence-digest-take');
  const touched: Touched = {
    digest: typeof row?.digest === 'string' ? row.digest : null,
    count: Number(row?.count ?? 0),
    complete: row?.complete === true,
    records: new Set(),
    links: new Set(),
    retired: { sum: 0n, count: 0 },
  };
  touchedIn.set(tx, touched);
  tx.beforeCommit(() => sealEvidence(tx).then(() => undefined));
  return touched;
}

/** Names records the transaction is about to write or delete (call before writing them). */
async function touchRecordsUntimed(tx: Transaction, ids: Iterable<string>): Promise<void> {
  const t = await begin(tx);
  await inPages(
    ids,
    (id) => firstTime(t.records, id),
    async (batch) => {
      for (const row of await tx.run('evidence-records', { ids: batch }))
        retire(t, (row.props as Record<string, unknown>).h);
    },
  );
}

/** Names links the transaction is about to write or delete (call before writing them). */
async function touchLinksUntimed(tx: Transaction, keys: Iterable<LinkKey>): Promise<void> {
  const t = await begin(tx);
  await inPages(
    keys,
    (k) => firstTime(t.links, linkKey(k.type, k.id)),
    async (batch) => {
      for (const row of await tx.run('evidence-links', { ids: byType(batch) }))
        retire(t, (row.props as Record<string, unknown>).h);
    },
  );
}

/**
 * Runs `read` on the items that `take` accepts (it records them as touched), PAGE at a time, as they come: a dataset's
 * million keys are neither copied nor chunked in advance.
 */
async function inPages<T>(
  items: Iterable<T>,
  take: (item: T) => boolean,
  read: (batch: T[]) => Promise<void>,
): Promise<void> {
  let batch: T[] = [];
  for (const item of items) {
    if (!take(item)) continue;
    batch.push(item);
    if (batch.length === PAGE) {
      await read(batch);
      batch = [];
    }
  }
  if (batch.length) await read(batch);
}

/** Names records the transaction may delete, and the links at them (a deleted record takes them with it). */
export async function touchRecordsAndTheirLinks(tx: Transaction, ids: readonly string[]): Promise<void> {
  await touchRecords(tx, ids);
  const links: LinkKey[] = [];
  for (const batch of chunks([...new Set(ids)], PAGE))
    for (const row of await timed(() => tx.run('evidence-incident', { ids: batch })))
      links.push({ type: String(row.type), id: String(row.id) });
  await touchLinks(tx, links);
}

/** Names the link of id `id` whatever its type (an edit names a link by its id). */
export async function touchLinkId(tx: Transaction, id: string): Promise<void> {
  await touchLinks(
    tx,
    EVIDENCE_LINK_TYPES.map((type) => ({ type, id })),
  );
}

/** Names records and links that the transaction creates and that the store does not hold yet (nothing to retire). */
async function touchNewUntimed(tx: Transaction, records: readonly string[], links: readonly LinkKey[]): Promise<void> {
  const t = await begin(tx);
  for (const id of records) t.records.add(id);
  for (const k of links) t.links.add(linkKey(k.type, k.id));
}

/** A record (no `type`) or link that a write made, changed or deleted, with the `h` it had before (none: new). */
export interface WrittenElement {
  type?: string;
  id: string | null;
  h: string | null;
}

/**
 * Names records and links that a write has just made, changed or deleted, each with the `h` it had before, read by
 * the write itself before changing it (`upsert-records`, `upsert-links`, `drop-records` and `drop-links` return them
 * as `touched`): the same as naming them before the write, without reading every element the write might change, so
 * that an import pays for what it changed, not for what it holds. Valid only for writes that name every element they
 * change: one changed earlier in the transaction without being named would retire the `h` of that change, not the one
 * the digest holds. An element named before keeps the `h` it had then; links of a type that is not evidence are left out.
 */
async function touchWrittenUntimed(tx: Transaction, elements: Iterable<WrittenElement>): Promise<void> {
  const t = await begin(tx);
  for (const e of elements) {
    if (typeof e.id !== 'string') continue;
    if (e.type === undefined) {
      if (firstTime(t.records, e.id)) retire(t, e.h);
    } else if (EVIDENCE_TYPES.has(e.type) && firstTime(t.links, linkKey(e.type, e.id))) retire(t, e.h);
  }
}

/**
 * Names everything a removal or a new version of dataset `dataset` may touch: its records and links, and the links at
 * its records. How imports and removals named what they changed until 6 December 2026 (they now name what their drops
 * and upserts return: `touchWritten`); kept for `bench/reimport-seal-cost.ts`, which measures the two side by side.
 */
export async function touchDataset(tx: Transaction, dataset: string): Promise<void> {
  const [row] = await timed(() => tx.run('evidence-dataset', { dataset }));
  await touchRecords(tx, (row?.records as string[] | undefined) ?? []);
  await touchLinks(tx, (row?.links as LinkKey[] | undefined) ?? []);
}

/** The store was emptied of evidence inside this transaction (a whole-store replace): the digest starts again, complete. */
export async function evidenceEmptied(tx: Transaction): Promise<void> {
  const t = await begin(tx);
  t.digest = EMPTY_DIGEST;
  t.count = 0;
  t.complete = true;
  t.records.clear();
  t.links.clear();
  t.retired = { sum: 0n, count: 0 };
}

/** Every element the store holds is touched in this transaction (`verify --seal-evidence`): the digest covers them all from its commit. */
export async function evidenceCompleted(tx: Transaction): Promise<void> {
  const t = await begin(tx);
  t.complete = true;
}

/**
 * Stamps every element touched so far with the `h` of its content as read back, moves the counter's digest, and
 * returns it (null when this transaction touched no evidence and the store has no digest yet). Idempotent.
 */
async function sealEvidenceUntimed(tx: Transaction): Promise<string | null> {
  const t = touchedIn.get(tx);
  if (!t) {
    const [row] = await tx.run('evidence-digest-take');
    return typeof row?.digest === 'string' ? row.digest : null;
  }
  let added = 0n;
  let addedCount = 0;
  evidenceCost.read += t.records.size + t.links.size;
  // Read back in pages straight from the sets (no copy of a million keys), each element hashed as it is now.
  for (const batch of pages(t.records)) {
    const stamps: { id: string; h: string }[] = [];
    for (const row of await tx.run('evidence-records', { ids: batch })) {
      const h = recordHash(row.labels as string[], row.props as Record<string, unknown>);
      if ((row.props as Record<string, unknown>).h !== h) stamps.push({ id: String(row.id), h });
      added += hashValue(h);
      addedCount += 1;
    }
    if (stamps.length) await tx.run('evidence-stamp-records', { rows: stamps });
    evidenceCost.stamped += stamps.length;
  }
  for (const keys of pages(t.links)) {
    const batch = keys.map((key) => {
      const at = key.indexOf(':');
      return { type: key.slice(0, at), id: key.slice(at + 1) };
    });
    const stamps: Record<string, { id: string; h: string }[]> = {};
    for (const row of await tx.run('evidence-links', { ids: byType(batch) })) {
      const h = linkHash(String(row.type), String(row.from), String(row.to), row.props as Record<string, unknown>);
      if ((row.props as Record<string, unknown>).h !== h) {
        (stamps[String(row.type)] ??= []).push({ id: String(row.id), h });
        evidenceCost.stamped += 1;
      }
      added += hashValue(h);
      addedCount += 1;
    }
    if (Object.keys(stamps).length) await tx.run('evidence-stamp-links', { rows: stamps });
  }
  if (t.records.size || t.links.size || t.digest === EMPTY_DIGEST) {
    t.digest = moveDigestBy(t.digest, added, t.retired.sum);
    t.count += addedCount - t.retired.count;
    await tx.run('evidence-digest-set', { digest: t.digest, count: t.count, complete: t.complete });
  }
  // What is sealed is now the state to retire from, should the transaction write again.
  t.records.clear();
  t.links.clear();
  t.retired = { sum: 0n, count: 0 };
  return t.digest;
}

/** The link types whose links are evidence (the vocabulary's); claims' and pay reports' ends are derived from their records. */
export const EVIDENCE_LINK_TYPES: readonly string[] = LINK_TYPE_NAMES;
const EVIDENCE_TYPES: ReadonlySet<string> = new Set(EVIDENCE_LINK_TYPES);

/** Names records the transaction is about to write or delete (call before writing them). */
export const touchRecords = (tx: Transaction, ids: readonly string[]) => timed(() => touchRecordsUntimed(tx, ids));
/** Names links the transaction is about to write or delete (call before writing them). */
export const touchLinks = (tx: Transaction, keys: readonly LinkKey[]) => timed(() => touchLinksUntimed(tx, keys));
/** Names records and links that the transaction creates and that the store does not hold yet (nothing to retire). */
export const touchNew = (tx: Transaction, records: readonly string[], links: readonly LinkKey[]) =>
  timed(() => touchNewUntimed(tx, records, links));
/** Names what a write made, changed or deleted, with the `h` each had before (see touchWrittenUntimed). */
export const touchWritten = (tx: Transaction, elements: Iterable<WrittenElement>) =>
  timed(() => touchWrittenUntimed(tx, elements));
/** Stamps every touched element with its `h`, moves the digest and returns it (see sealEvidenceUntimed). */
export const sealEvidence = (tx: Transaction) => timed(() => sealEvidenceUntimed(tx));
