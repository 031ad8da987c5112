// The evidence digest as the change counter keeps it, how many elements it covers and whether it covers the whole store, and the digest stored in the ledger's head change; no row in a store without a counter.
MATCH (k:ChangeCounter {singleton: true})
OPTIONAL MATCH (c:Change {seq: k.ledgerSeq})
RETURN k.digest AS digest, k.evidenceCount AS count, k.digestComplete AS complete, c.digest AS headDigest, k.ledgerSeq AS seq
