// Returns the entities within $maxDepth hops (at most 12) of the root over links valid at $asOf, along, against or both ways, nearest first then by id, at most $limit, and the links among them; no row when the root does not exist.
// A breadth-first search unrolled to 12 levels: each level expands only the previous one, and the search stops once more than $limit nodes are seen.
MATCH (root:Entity {id: $rootId})
WITH root, [root] AS frontier, [root] AS seen, 0 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
OPTIONAL CALL (frontier, seen, level) {
  WITH frontier, seen WHERE level < $maxDepth AND size(frontier) > 0 AND size(seen) <= $limit
  UNWIND frontier AS f
  MATCH (f)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(n:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING' AND startNode(r) = f) OR ($direction = 'INCOMING' AND endNode(r) = f))
    AND NOT n IN seen
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS next
}
WITH root, coalesce(next, []) AS frontier, seen + coalesce(next, []) AS seen, level + 1 AS level
WITH root, seen[0..$limit] AS kept, size(seen) AS total
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]->(b:Entity)
  WHERE b IN kept AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
  WITH r ORDER BY r.id
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id,
    sources: COLLECT { UNWIND coalesce(r.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}) AS edges
}
RETURN [n IN kept | n {.id, .name, .kind, .country, .size, labels: labels(n)}] AS nodes, edges, total
