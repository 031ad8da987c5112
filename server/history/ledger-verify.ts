// Reads the ledger from the store in pages, in seq order, and checks its hash chain (docs/versioning.md).
import type { Database } from '../db/index.js';
import { LedgerCheck, type LedgerReport } from './ledger-check.js';

/** Changes read per page: a change's before/after can be a whole record, so pages stay small. */
const PAGE = 200;

/** Checks every change's hash and the chain from the first to the counter's head; stops at the first break. */
export async function verifyLedger(db: Database): Promise<LedgerReport> {
  const check = new LedgerCheck();
  let after = -1;
  for (;;) {
    const rows = await db.read('ledger-changes', { after, limit: PAGE });
    let going = true;
    for (const row of rows) {
      const stored = row.stored as Record<string, unknown>;
      after = Number(stored.seq);
      if (!check.add(stored)) {
        going = false;
        break;
      }
    }
    if (!going || rows.length < PAGE) break;
  }
  const [counter] = await db.read('ledger-head');
  return check.finish({
    seq: typeof counter?.seq === 'number' ? counter.seq : null,
    hash: typeof counter?.hash === 'string' ? counter.hash : null,
  });
}

/** The ledger's head (the last sealed change's seq and hash, as the change counter keeps it); null before any. */
export async function ledgerHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const [counter] = await db.read('ledger-head');
  return typeof counter?.seq === 'number' && typeof counter.hash === 'string'
    ? { seq: counter.seq, hash: counter.hash }
    : null;
}

/** Change `seq`'s ledger entry (its seq and hash), the head the ledger had just after it; null when it is not sealed. */
export async function ledgerAt(db: Database, seq: number): Promise<{ seq: number; hash: string } | null> {
  const [change] = await db.read('ledger-at', { seq });
  return typeof change?.seq === 'number' && typeof change.hash === 'string'
    ? { seq: change.seq, hash: change.hash }
    : null;
}

/**
 * The ledger's head as readers may see it (the newest published change: not a proposal waiting for review, nor a
 * rejection), now or just after change `seq`, with the evidence digest after it; null before any.
 */
export async function publishedLedgerHead(
  db: Database,
  seq: number | null = null,
): Promise<{ seq: number; hash: string; digest: string | null } | null> {
  const [row] = await db.read('ledger-published-head', { seq });
  return typeof row?.seq === 'number' && typeof row.hash === 'string'
    ? { seq: row.seq, hash: row.hash, digest: typeof row.digest === 'string' ? row.digest : null }
    : null;
}
