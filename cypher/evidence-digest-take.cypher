// Takes the change counter for a transaction that writes evidence (the write lock, held until it commits, so that digests are moved one transaction at a time) and returns its evidence digest (null before the first), how many elements it covers, and whether it covers the whole store (true when it started on a store without records, or after `verify --seal-evidence`).
MERGE (k:ChangeCounter {singleton: true})
SET k.digestComplete = CASE WHEN k.digest IS NULL THEN NOT EXISTS { MATCH (:Record) } ELSE coalesce(k.digestComplete, false) END
RETURN k.digest AS digest, coalesce(k.evidenceCount, 0) AS count, k.digestComplete AS complete
