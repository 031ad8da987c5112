// Returns the changes newest first: made at or after $since (a datetime, or null), to dataset $dataset (or any), pending review only when $pending (those pending or rejected, and the rejections, shown at all only when $showUnpublished), before change number $before (or from the newest); $first + 1 of them, so the caller knows if there are more; each with what the API needs to withhold a small pool's figures.
MATCH (c:Change)
WHERE ($before IS NULL OR c.seq < $before)
  AND ($since IS NULL OR c.at >= datetime($since))
  AND ($dataset IS NULL OR c.dataset = $dataset)
  AND ($pending = false OR c.status = 'pending')
  AND ($showUnpublished OR NOT (c.status IN ['pending', 'rejected'] OR c.action = 'reject'))
WITH c ORDER BY c.seq DESC LIMIT $first + 1
OPTIONAL CALL (c) {
  MATCH (h:Change {pool: c.pool})
  UNWIND coalesce(h.poolSizes, []) AS size
  RETURN collect(size) AS known
}
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt),
  poolSizes: coalesce(known, []) + [x IN COLLECT { MATCH (p:WorkerPool {id: c.pool}) RETURN p.size } WHERE x IS NOT NULL],
  performerSizes: [(:Task {id: c.record})-[:PERFORMED_BY]->(w:WorkerPool) | w.size]} AS change
ORDER BY c.seq DESC
