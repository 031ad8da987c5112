// Keeps each current element's `h` and the evidence digest right inside a write transaction (issue #29.3,
// docs/versioning.md). A write path names the records and links it is about to touch (`touchRecords`, `touchLinks`,
// `touchDataset`) BEFORE it writes them: their stored `h` is read then, once per element, as what the write retires.
// Before the transaction commits (or before the change that records it is sealed) `sealEvidence` reads the touched
// elements back, stamps each with the `h` of its content as read back, and moves the digest on the change counter by
// Σ new − Σ retired: the cost is that of the write, never that of the store.
import type { Transaction } from '../db/index.js';
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { EMPTY_DIGEST, linkHash, moveDigest, recordHash } from './evidence-hash.js';

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
  /** Touched records: id → the `h` they carried before the write (null: none, not in the digest). */
  records: Map<string, string | null>;
  /** Touched links: "TYPE:id" → the `h` before the write. */
  links: Map<string, string | null>;
}

const touchedIn = new WeakMap<Transaction, Touched>();

/**
 * What this process has spent keeping `h` and the digest, for the bench and `import --new-store`: milliseconds (reads
 * before, stamps after), and elements whose `h` the seal had to write (an element written with the `h` of its content
 * is read back and left as it is).
 */
export const evidenceCost = { ms: 0, stamped: 0 };

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
    records: new Map(),
    links: new Map(),
  };
  touchedIn.set(tx, touched);
  tx.beforeCommit(() => sealEvidence(tx).then(() => undefined));
  return touched;
}

/** Names records the transaction is about to write or delete (call before writing them). */
async function touchRecordsUntimed(tx: Transaction, ids: readonly string[]): Promise<void> {
  const t = await begin(tx);
  const fresh = [...new Set(ids)].filter((id) => !t.records.has(id));
  for (const batch of chunks(fresh, PAGE)) {
    for (const id of batch) t.records.set(id, null);
    for (const row of await tx.run('evidence-records', { ids: batch })) {
      const h = (row.props as Record<string, unknown>).h;
      t.records.set(String(row.id), typeof h === 'string' ? h : null);
    }
  }
}

/** Names links the transaction is about to write or delete (call before writing them). */
async function touchLinksUntimed(tx: Transaction, keys: readonly LinkKey[]): Promise<void> {
  const t = await begin(tx);
  const fresh = keys.filter((k) => !t.links.has(linkKey(k.type, k.id)));
  for (const batch of chunks(fresh, PAGE)) {
    for (const k of batch) t.links.set(linkKey(k.type, k.id), null);
    for (const row of await tx.run('evidence-links', { ids: byType(batch) })) {
      const h = (row.props as Record<string, unknown>).h;
      t.links.set(linkKey(String(row.type), String(row.id)), typeof h === 'string' ? h : null);
    }
  }
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
  for (const id of records) if (!t.records.has(id)) t.records.set(id, null);
  for (const k of links) if (!t.links.has(linkKey(k.type, k.id))) t.links.set(linkKey(k.type, k.id), null);
}

/** Names everything a removal or a new version of dataset `dataset` may touch: its records and links, and the links at its records. */
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
  const added: string[] = [];
  const retired: string[] = [];
  const records = [...t.records];
  for (const batch of chunks(records, PAGE)) {
    const stamps: { id: string; h: string }[] = [];
    for (const row of await tx.run('evidence-records', { ids: batch.map(([id]) => id) })) {
      const h = recordHash(row.labels as string[], row.props as Record<string, unknown>);
      if ((row.props as Record<string, unknown>).h !== h) stamps.push({ id: String(row.id), h });
      added.push(h);
    }
    for (const [, old] of batch) if (old) retired.push(old);
    if (stamps.length) await tx.run('evidence-stamp-records', { rows: stamps });
    evidenceCost.stamped += stamps.length;
  }
  const links = [...t.links].map(([key, old]) => {
    const at = key.indexOf(':');
    return { type: key.slice(0, at), id: key.slice(at + 1), old };
  });
  for (const batch of chunks(links, PAGE)) {
    const stamps: Record<string, { id: string; h: string }[]> = {};
    for (const row of await tx.run('evidence-links', { ids: byType(batch) })) {
      const h = linkHash(String(row.type), String(row.from), String(row.to), row.props as Record<string, unknown>);
      if ((row.props as Record<string, unknown>).h !== h) {
        (stamps[String(row.type)] ??= []).push({ id: String(row.id), h });
        evidenceCost.stamped += 1;
      }
      added.push(h);
    }
    for (const l of batch) if (l.old) retired.push(l.old);
    if (Object.keys(stamps).length) await tx.run('evidence-stamp-links', { rows: stamps });
  }
  if (records.length || links.length || t.digest === EMPTY_DIGEST) {
    t.digest = moveDigest(t.digest, added, retired);
    t.count += added.length - retired.length;
    await tx.run('evidence-digest-set', { digest: t.digest, count: t.count, complete: t.complete });
  }
  // What is sealed is now the state to retire from, should the transaction write again.
  t.records.clear();
  t.links.clear();
  return t.digest;
}

/** The link types whose links are evidence (the vocabulary's); claims' and pay reports' ends are derived from their records. */
export const EVIDENCE_LINK_TYPES: readonly string[] = LINK_TYPE_NAMES;

/** Names records the transaction is about to write or delete (call before writing them). */
export const touchRecords = (tx: Transaction, ids: readonly string[]) => timed(() => touchRecordsUntimed(tx, ids));
/** Names links the transaction is about to write or delete (call before writing them). */
export const touchLinks = (tx: Transaction, keys: readonly LinkKey[]) => timed(() => touchLinksUntimed(tx, keys));
/** Names records and links that the transaction creates and that the store does not hold yet (nothing to retire). */
export const touchNew = (tx: Transaction, records: readonly string[], links: readonly LinkKey[]) =>
  timed(() => touchNewUntimed(tx, records, links));
/** Stamps every touched element with its `h`, moves the digest and returns it (see sealEvidenceUntimed). */
export const sealEvidence = (tx: Transaction) => timed(() => sealEvidenceUntimed(tx));
