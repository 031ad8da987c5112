// Records one change to the evidence (who, when, which dataset and record, the state before and after as JSON, why, its review status, and the pool its states concern with the sizes known for it now) under the next change number, with the ledger's previous hash as `prev` (the counter serialises changes, so the head read here is the previous change's); returns it with what the API needs to withhold a small pool's figures, and its stored properties for the hash (change-seal writes it).
MERGE (k:ChangeCounter {singleton: true})
SET k.seq = coalesce(k.seq, 0) + 1
WITH k
// A published change gives the store a new version (random, so that it never repeats, even after a test empties the store); one waiting for review or a rejection does not, so readers cannot tell one was filed.
MERGE (l:ImportLock {singleton: true})
SET l.version = CASE WHEN $publishes THEN randomUUID() ELSE l.version END
WITH k
OPTIONAL MATCH (now:WorkerPool {id: $pool})
CREATE (c:Change {
  id: 'change-' + toString(k.seq), seq: k.seq, at: datetime(), author: $author, role: $role, dataset: $dataset, reason: $reason,
  summary: $summary, action: $action, record: $record, scope: $scope, before: $before, after: $after, status: $status,
  revertOf: $revertOf, counts: $counts, pool: $pool, poolSizes: $poolSizes + [x IN [now.size] WHERE x IS NOT NULL], poolNoted: true,
  baseVersion: $baseVersion, prev: k.ledgerHead
})
WITH c
OPTIONAL CALL (c) {
  MATCH (h:Change {pool: c.pool})
  UNWIND coalesce(h.poolSizes, []) AS size
  RETURN collect(size) AS known
}
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt),
  poolSizes: coalesce(known, []) + [x IN COLLECT { MATCH (p:WorkerPool {id: c.pool}) RETURN p.size } WHERE x IS NOT NULL],
  performerSizes: [(:Task {id: c.record})-[:PERFORMED_BY]->(w:WorkerPool) | w.size]} AS change,
  c {.*, at: toString(c.at)} AS stored
