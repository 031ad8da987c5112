// Returns up to $limit entities whose name or aliases match the full-text query, best first (with their sources when $withSources).
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
RETURN node {.*, labels: labels(node), performerSizes: [(node)-[:PERFORMED_BY]->(p:WorkerPool) | p.size], sources: CASE WHEN $withSources THEN COLLECT { UNWIND coalesce(node.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END} AS entity, score
ORDER BY score DESC, node.id
