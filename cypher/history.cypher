// Returns the changes to record $record (an id), newest first, before change number $before (or from the newest), at most $first (historyPage asks one more, to know if there are more); those waiting for review and those rejected (with the rejections) only when $showUnpublished; each with what the API needs to withhold a small pool's figures (the sizes known for its pool now and in every change to it, and the sizes of the pools performing its task now).
MATCH (c:Change {record: $record})
WHERE ($before IS NULL OR c.seq < $before)
  AND ($showUnpublished OR NOT (c.status IN ['pending', 'rejected'] OR c.action = 'reject'))
WITH c ORDER BY c.seq DESC LIMIT $first
OPTIONAL CALL (c) {
  MATCH (h:Change {pool: c.pool})
  UNWIND coalesce(h.poolSizes, []) AS size
  RETURN collect(size) AS known
}
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt),
  poolSizes: coalesce(known, []) + [x IN COLLECT { MATCH (p:WorkerPool {id: c.pool}) RETURN p.size } WHERE x IS NOT NULL],
  performerSizes: [(:Task {id: c.record})-[:PERFORMED_BY]->(w:WorkerPool) | w.size]} AS change
ORDER BY c.seq DESC
