// Returns the entity with this id (organisation, worker pool, task or AI product) with its sources, or no row.
MATCH (n:Entity {id: $id})
RETURN n {.*, labels: labels(n), performerSizes: [(n)-[:PERFORMED_BY]->(p:WorkerPool) | p.size], sources: COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }} AS entity
