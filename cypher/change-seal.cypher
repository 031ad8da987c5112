// Seals change $seq with its ledger hash $hash (computed in Node over its stored content and `prev`) and makes it the ledger's head on the counter; returns nothing.
MATCH (c:Change {seq: $seq})
MATCH (k:ChangeCounter {singleton: true})
SET c.hash = $hash, k.ledgerHead = $hash, k.ledgerSeq = $seq
