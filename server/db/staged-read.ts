// What a read runs while an import is being written in batches (docs/versioning.md, "Imports in bounded memory"): the
// store then holds, beside what readers may see, versions stamped with a change that is not in the ledger yet, so every
// read answers as of the last visible change, or not at all. Pure.
import { RECORDED_QUERIES, recordedQuery } from './cypher-template.js';

/**
 * Reads of what the batches of a staged import never write (the ledger and its counter, datasets' own records, which
 * the switch writes, tokens, investigations, the import journal, kept verdicts' days, the store's identity, the
 * server's own state): the same answer at the visible change as now, read without the stage guard.
 */
export const STAGE_SAFE_READS: ReadonlySet<string> = new Set([
  // The server's own state (SHOW …, which cannot follow the guard): the running transactions, the schema.
  'bench-running',
  'constraints',
  'change-at',
  'datasets',
  'evidence-head',
  'import-journal',
  'investigation',
  'investigations',
  'ledger-at',
  'ledger-changes',
  'ledger-head',
  'ledger-published-head',
  'stage-mark',
  'store-identity',
  'store-version',
  'test-marker',
  'token-find',
  'token-list',
  'verdict-baseline-taken',
  'verdict-days-due',
  'verdict-since',
]);

/**
 * Reads of what was kept at a write (a scorecard, a claim's verdicts): kept as of the visible change, but whether one
 * still holds on another day is checked against the links as they are, which a batch changes. While a stage is open
 * they find nothing, and the caller computes the answer, as of the visible change, as it does when nothing is kept.
 */
export const STAGE_KEPT_READS: ReadonlySet<string> = new Set(['kept-card', 'kept-verdicts']);

export type StagedRead = { run: string; extra: { seq?: number } } | { nothing: true } | { refused: string };

/**
 * What `query` runs while change `staging` is being written and `visible` is the last change readers see: its
 * `-recorded` variant at `visible`; itself, if it reads nothing a batch writes (or is already a variant: its seq comes
 * from the ledger, which holds no change after `visible` yet); no rows for a kept answer; otherwise a refusal that says
 * why and what to do. Pure.
 */
export function stagedRead(query: string, staging: number, visible: number): StagedRead {
  if (RECORDED_QUERIES.includes(query)) return { run: recordedQuery(query, visible).query, extra: { seq: visible } };
  if (readsAsIs(query)) return { run: query, extra: {} };
  if (STAGE_KEPT_READS.has(query)) return { nothing: true };
  return {
    refused: `db: an import is being written into the store (change ${staging}), and this answer (${query}) cannot yet be read as of the last change before it (${visible}); try again when the import has finished`,
  };
}

/** Whether `query` reads the same while a stage is open as at the last visible change, so needs no stage guard. Pure. */
export function readsAsIs(query: string): boolean {
  return STAGE_SAFE_READS.has(query) || query.endsWith('-recorded');
}

/** Whether a read failed at the stage guard: Neo4j's arithmetic error (the guard divides by zero while a stage is open). */
export function stageGuardFailed(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'Neo.ClientError.Statement.ArithmeticError';
}
