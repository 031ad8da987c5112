// Returns every shortest path (at most $limit + 1, in order of their links' ids) between two entities over links valid at $asOf, followed in either direction, within $maxDepth links; each step with its link, its sources and whether it was followed along it, and the nodes on the way; and whether each end exists.
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = ALL SHORTEST (a)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY|PART_OF|OVERLAPS_WITH|CONTROLLED_BY WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)]-{1,12}(b)
  WHERE length(p) <= $maxDepth
  WITH p, [x IN relationships(p) | x.id] AS key
  ORDER BY key
  LIMIT $limit + 1
  RETURN collect({
    links: [r IN relationships(p) | r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id,
      sources: COLLECT { UNWIND coalesce(r.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}],
    along: [i IN range(0, length(p) - 1) | startNode(relationships(p)[i]) = nodes(p)[i]],
    pools: [n IN nodes(p) WHERE n:WorkerPool | n {.id, .size}],
    nodes: [n IN nodes(p) | n {.id, .name, .kind, .country, .size, labels: labels(n)}]
  }) AS paths
}
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, coalesce(paths, []) AS paths
