// Returns the entities with these ids (organisations, worker pools, tasks or AI products), with their sources when
// $withSources, in the order of $ids; an id nothing has gives no row. Each id is one index seek.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, labels: labels(n), performerSizes: [(n)-[:PERFORMED_BY]->(p:WorkerPool) | p.size], sources: CASE WHEN $withSources THEN COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END} AS entity
