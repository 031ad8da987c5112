// Checks the ledger's hash chain one stored change at a time, in seq order (so that `deep-labour verify` can read the
// changes in pages and never hold them all). Pure.
import { changeHash } from './ledger-hash.js';

/** The first change that does not match, and why. */
export interface LedgerBreak {
  seq: number;
  action: string;
  at: string;
  why: string;
}

/** What the check found once every change was read. */
export interface LedgerReport {
  /** Changes read. */
  changes: number;
  /** Changes made before the ledger (a store older than it): they carry no hash and are not covered. */
  beforeLedger: number;
  /** The last change's seq and hash (null when no change carries one). */
  head: { seq: number; hash: string } | null;
  /** The first change that does not match, null when the chain is intact. */
  broken: LedgerBreak | null;
}

export class LedgerCheck {
  private changes = 0;
  private beforeLedger = 0;
  private head: { seq: number; hash: string } | null = null;
  private broken: LedgerBreak | null = null;

  /** Takes the next change (its stored properties, `at` as text); returns false once the chain is broken. */
  add(stored: Record<string, unknown>): boolean {
    if (this.broken) return false;
    this.changes += 1;
    const seq = Number(stored.seq);
    const fail = (why: string) => {
      this.broken = { seq, action: String(stored.action ?? ''), at: String(stored.at ?? ''), why };
      return false;
    };
    const hash = typeof stored.hash === 'string' ? stored.hash : null;
    const prev = typeof stored.prev === 'string' ? stored.prev : null;
    if (hash === null) {
      // A store older than the ledger: its first changes have no hash; once one has, every later one must.
      if (this.head === null && prev === null) {
        this.beforeLedger += 1;
        return true;
      }
      return fail('it carries no ledger hash');
    }
    if (this.head !== null && seq <= this.head.seq) return fail(`its seq does not follow change ${this.head.seq}`);
    if (prev !== (this.head?.hash ?? null))
      return fail(
        this.head === null
          ? 'it names a previous change that is not in the store'
          : `it does not follow change ${this.head.seq} (its prev is not that change's hash)`,
      );
    if (changeHash(stored) !== hash) return fail('its content does not match its hash');
    this.head = { seq, hash };
    return true;
  }

  /** The report, given the head the store's change counter names (`ledgerSeq`, `ledgerHead`; null in a store without changes). */
  finish(counter: { seq: number | null; hash: string | null }): LedgerReport {
    const head = this.head;
    if (
      !this.broken &&
      ((counter.hash ?? null) !== (head?.hash ?? null) || (counter.seq ?? null) !== (head?.seq ?? null))
    ) {
      // The counter names another head than the changes end with: the last changes were deleted, or it was rewritten.
      this.broken = {
        seq: counter.seq ?? head?.seq ?? 0,
        action: '',
        at: '',
        why: `the ledger's head on the change counter is change ${counter.seq ?? 'none'}, but the changes end at ${head ? `change ${head.seq}` : 'none'} with another hash`,
      };
    }
    return { changes: this.changes, beforeLedger: this.beforeLedger, head: this.head, broken: this.broken };
  }
}
