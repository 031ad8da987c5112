// The ledger's head as readers may see it, now ($seq null) or just after change $seq: the newest sealed change up to it that was published when made (an import, removal, edit, retraction, revert, accept; not a proposal waiting for review, nor a rejection, so that readers cannot tell one was filed; a change's status tells that for good: a proposal stays one when settled, a published change stays published when reverted), its seq, hash and the evidence digest after it (null before the digest); no row when there is none.
MATCH (k:ChangeCounter {singleton: true})
MATCH (c:Change)
WHERE c.seq <= coalesce($seq, k.ledgerSeq) AND c.hash IS NOT NULL
  AND c.status IN ['applied', 'reverted'] AND coalesce(c.action, '') <> 'reject'
WITH c ORDER BY c.seq DESC LIMIT 1
RETURN c.seq AS seq, c.hash AS hash, c.digest AS digest
