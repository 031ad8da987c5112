// Returns change $seq's ledger entry (its seq and ledger hash; no row when it has none, as in a store whose changes are not sealed): what an export as recorded then names as the evidence it was made of.
MATCH (c:Change {seq: $seq})
WHERE c.hash IS NOT NULL
RETURN c.seq AS seq, c.hash AS hash
