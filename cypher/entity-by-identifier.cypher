// Returns the entity whose id is $id and the organisations that have the identifier $padded (" SCHEME:id ") among their identifiers, with their sources when $withSources, by id; at most $limit.
CALL () {
  MATCH (n:Entity {id: $id})
  RETURN n
  UNION
  MATCH (n:Organization) WHERE n.identifierText CONTAINS $padded
  RETURN n
}
WITH n ORDER BY n.id LIMIT $limit
RETURN n {.*, labels: labels(n), performerSizes: [(n)-[:PERFORMED_BY]->(p:WorkerPool) | p.size], sources: CASE WHEN $withSources THEN COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END} AS entity
