// Returns, in one row, the entities with these ids (organisations, worker pools, tasks or AI products) in the order of
// $ids, each with its source ids, and the records of those sources once each when $withSources (entities often share
// sources: a study or a register names many). An id nothing has is left out. Each id is one index seek.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n {.*, labels: labels(n), performerSizes: [(n)-[:PERFORMED_BY]->(p:WorkerPool) | p.size]}) AS entities
RETURN entities, CASE WHEN $withSources THEN COLLECT { UNWIND entities AS e UNWIND coalesce(e.sources, []) AS sid WITH DISTINCT sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END AS sources
