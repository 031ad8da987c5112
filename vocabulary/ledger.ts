// The words a report prints for the ledger's head (docs/versioning.md "The ledger is the spine"), shared by the CLI's
// audit reports and the explorer's investigation report so that both say it the same way. Pure.

/** The ledger's head as a report prints it, so that a reader can later ask `deep-labour verify` whether it still holds. */
export function ledgerHeadText(head: { seq: number; hash: string } | null): string {
  return head ? `evidence as of change ${head.seq}, ledger hash ${head.hash}` : 'evidence before any sealed change';
}
