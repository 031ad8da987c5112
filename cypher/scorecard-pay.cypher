// Returns, for the organisation $organizationId at $asOf, the workforce behind it as the scorecard reads it (each worker pool with a labour chain valid at $asOf reaching it): how many pools, how many are small groups (under $minPoolSize: their pay is withheld, never read), the other pools that have pay reports with those reports (their tasks and source records), and every reference wage (with its sources) and exchange rate; no row when no organisation has the id.
MATCH (o:Organization {id: $organizationId})
OPTIONAL CALL (o) {
  MATCH p = ANY SHORTEST (w:WorkerPool)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(:Organization)
    (()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}
    (o)
  RETURN DISTINCT w
}
WITH o, collect(w) AS pools
WITH o, pools, [w IN pools WHERE $minPoolSize > 0 AND w.size IS NOT NULL AND w.size < $minPoolSize] AS small
WITH o, size(pools) AS poolCount, size(small) AS withheld, [w IN pools WHERE NOT w IN small] AS open
CALL () {
  MATCH (wr:WageReference)
  RETURN collect(wr {.*, sources: COLLECT { UNWIND coalesce(wr.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}) AS wageReferences
}
CALL () {
  MATCH (x:ExchangeRate)
  RETURN collect(x {.*}) AS exchangeRates
}
RETURN o.id AS organizationId, poolCount AS pools, withheld,
  COLLECT {
    UNWIND open AS w
    MATCH (pr:PayReport)-[:PAY_OF]->(w)
    OPTIONAL MATCH (pr)-[:PAY_FOR]->(t:Task)
    WITH w, pr, t ORDER BY w.id, pr.id
    RETURN {poolId: w.id, report: pr {.*, taskName: t.name, sources: COLLECT { UNWIND coalesce(pr.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}}
  } AS reports,
  COLLECT {
    UNWIND open AS w
    WITH w WHERE EXISTS { (:PayReport)-[:PAY_OF]->(w) }
    WITH w ORDER BY w.id
    RETURN w {.*, labels: labels(w), sources: COLLECT { UNWIND coalesce(w.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}
  } AS paidPools,
  wageReferences, exchangeRates
