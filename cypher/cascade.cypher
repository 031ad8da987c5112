// Returns the entities within $maxDepth hops of the root over links valid at $asOf (along, against or both ways), nearest first, at most $limit + 1, and the links among them; no row when the root does not exist.
MATCH (root:Entity {id: $rootId})
CALL (root) {
  WITH root WHERE $direction = 'OUTGOING'
  MATCH p = ANY SHORTEST (root)(()-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]->(:Entity) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,12}(n:Entity)
  WHERE length(p) <= $maxDepth
  RETURN n, length(p) AS d
  UNION
  WITH root WHERE $direction = 'INCOMING'
  MATCH p = ANY SHORTEST (root)(()<-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(:Entity) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,12}(n:Entity)
  WHERE length(p) <= $maxDepth
  RETURN n, length(p) AS d
  UNION
  WITH root WHERE $direction = 'BOTH'
  MATCH p = ANY SHORTEST (root)(()-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]-(:Entity) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,12}(n:Entity)
  WHERE length(p) <= $maxDepth
  RETURN n, length(p) AS d
}
WITH root, n, min(d) AS d
ORDER BY d, n.id
WITH root, collect(n) AS reached
WITH root, reached[0..$limit] AS kept, size(reached) AS total
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY]->(b:Entity)
  WHERE b IN kept AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
  WITH r ORDER BY r.id
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id,
    sources: COLLECT { UNWIND coalesce(r.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}) AS edges
}
RETURN [n IN kept | n {.id, .name, .kind, .country, labels: labels(n)}] AS nodes, edges, total
