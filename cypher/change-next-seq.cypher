// Returns the seq the next change will get, and holds the change counter's write lock until the transaction ends (so no other change can take that seq first): a write stamps the links it makes or retires with it (`recFrom`, `recTo`) before it records its change (docs/versioning.md).
MERGE (k:ChangeCounter {singleton: true})
SET k.seq = coalesce(k.seq, 0)
RETURN k.seq + 1 AS seq
