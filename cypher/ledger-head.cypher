// The ledger's head as the change counter keeps it (seq and hash of the last sealed change); no row in a store without changes.
MATCH (k:ChangeCounter {singleton: true})
RETURN k.ledgerSeq AS seq, k.ledgerHead AS hash
