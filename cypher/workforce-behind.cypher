// Returns the distinct worker pools with a labour chain valid at $asOf reaching the organisation within $maxDepth organisations, and the nesting (PART_OF) and overlap (OVERLAPS_WITH) links among them, so that totals count each person once (the pools' sources when $withSources); no row when the organisation does not exist.
MATCH (o:Organization {id: $organizationId})
OPTIONAL CALL (o) {
  MATCH p = ANY SHORTEST (w:WorkerPool)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(:Organization)
    (()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}
    (o)
  WHERE length(p) <= $maxDepth
  RETURN DISTINCT w
}
WITH o, w ORDER BY w.id
WITH o, collect(w) AS pools
RETURN o.id AS organizationId,
  [w IN pools | w {.*, labels: labels(w), sources: CASE WHEN $withSources THEN COLLECT { UNWIND coalesce(w.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END}] AS workerPools,
  COLLECT {
    UNWIND pools AS a
    MATCH (a)-[n:PART_OF|OVERLAPS_WITH WHERE (n.validFrom IS NULL OR n.validFrom <= $asOf) AND (n.validTo IS NULL OR n.validTo >= $asOf)]->(b:WorkerPool)
    WHERE b IN pools
    RETURN {type: type(n), from: a.id, to: b.id}
  } AS nesting,
  COLLECT { UNWIND pools AS w WITH DISTINCT w.country AS c WHERE c IS NOT NULL RETURN c ORDER BY c } AS countries
