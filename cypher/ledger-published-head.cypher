// The ledger's head as readers may see it: the newest sealed change that was published when made (an import, removal, edit, retraction, revert, accept; not a proposal waiting for review, nor a rejection, so that readers cannot tell one was filed), its seq, hash and the evidence digest after it (null before the digest); no row in a store without one.
MATCH (k:ChangeCounter {singleton: true})
MATCH (c:Change)
WHERE c.seq <= k.ledgerSeq AND c.hash IS NOT NULL
  AND c.status IN ['applied', 'reverted'] AND coalesce(c.action, '') <> 'reject'
WITH c ORDER BY c.seq DESC LIMIT 1
RETURN c.seq AS seq, c.hash AS hash, c.digest AS digest
