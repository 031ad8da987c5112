// Returns the pay reports of each worker pool in $pools (PAY_OF), with the task each is for and its source records, in pool and id order.
UNWIND $pools AS poolId
MATCH (p:PayReport)-[:PAY_OF]->(:WorkerPool {id: poolId})
OPTIONAL MATCH (p)-[:PAY_FOR]->(t:Task)
RETURN poolId, p {.*, taskName: t.name, sources: COLLECT { UNWIND coalesce(p.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }} AS report
ORDER BY poolId, p.id
