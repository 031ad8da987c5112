// Seals change $seq with the evidence digest after it ($digest, null in a store without one) and its ledger hash $hash (computed in Node over its stored content, `prev` and digest) and makes it the ledger's head on the counter; returns nothing.
MATCH (c:Change {seq: $seq})
MATCH (k:ChangeCounter {singleton: true})
SET c.hash = $hash, c.digest = $digest, k.ledgerHead = $hash, k.ledgerSeq = $seq
