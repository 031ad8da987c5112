// Returns every organisation on a labour chain of the worker pool valid at $asOf, with its depth, whether it is ultimate and one shortest path (the sources of the organisations and of the paths' links when
// $withOrganizationSources and $withPathSources); no row when the pool does not exist.
MATCH (w:WorkerPool {id: $workerPoolId})
OPTIONAL CALL (w) {
  MATCH p = ANY SHORTEST (w)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(:Organization)
    (()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}
    (o:Organization)
  WHERE length(p) <= $maxDepth
  RETURN o, length(p) AS depth, relationships(p) AS rels
}
WITH w, o, depth, rels ORDER BY depth, o.id
RETURN w.id AS workerPoolId, w.size AS poolSize, collect(CASE WHEN o IS NULL THEN NULL ELSE {
  organization: o {.*, labels: labels(o), sources: CASE WHEN $withOrganizationSources THEN COLLECT { UNWIND coalesce(o.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END},
  depth: depth,
  ultimate: NOT EXISTS { (o)-[x:SUBCONTRACTS_FOR]->() WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf) },
  path: [l IN rels | l {.*, type: type(l), from: startNode(l).id, to: endNode(l).id,
    sources: CASE WHEN $withPathSources THEN COLLECT { UNWIND coalesce(l.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END}]
} END) AS beneficiaries
