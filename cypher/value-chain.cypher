// Returns, per worker pool of the task (valid at $asOf), the shortest chain from its contracting organisation to the task's client and the pay at each end and where the worker's comes from; no row when the task does not exist.
MATCH (t:Task {id: $taskId})
CALL (t) {
  OPTIONAL MATCH (t)-[o:ORDERED_BY WHERE (o.validFrom IS NULL OR o.validFrom <= $asOf) AND (o.validTo IS NULL OR o.validTo >= $asOf)]->(c:Organization)
  RETURN collect(c) AS clients
}
OPTIONAL CALL (t, clients) {
  MATCH (t)-[pb:PERFORMED_BY WHERE (pb.validFrom IS NULL OR pb.validFrom <= $asOf) AND (pb.validTo IS NULL OR pb.validTo >= $asOf)]->(w:WorkerPool)
  OPTIONAL CALL (w, clients) {
    MATCH p = ANY SHORTEST (w)-[cb:CONTRACTED_BY WHERE (cb.validFrom IS NULL OR cb.validFrom <= $asOf) AND (cb.validTo IS NULL OR cb.validTo >= $asOf)]->(:Organization)
      (()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}
      (c:Organization)
    WHERE c IN clients
    RETURN relationships(p) AS chain
    ORDER BY length(p), c.id
    LIMIT 1
  }
  OPTIONAL CALL (w) {
    MATCH (w)-[cb:CONTRACTED_BY WHERE (cb.validFrom IS NULL OR cb.validFrom <= $asOf) AND (cb.validTo IS NULL OR cb.validTo >= $asOf)]->(:Organization)
    WHERE cb.pricePerUnitEur IS NOT NULL
    RETURN cb.pricePerUnitEur AS anyContractPay
    ORDER BY cb.id
    LIMIT 1
  }
  WITH w, coalesce(chain, []) AS chain, anyContractPay
  WITH w, chain, tail(chain) AS hops, coalesce(head(chain).pricePerUnitEur, anyContractPay) AS contractPay
  RETURN w, hops, contractPay, CASE WHEN size(hops) = 0 THEN NULL ELSE last(hops).pricePerUnitEur END AS clientPrice
  ORDER BY w.id
}
WITH t, collect(CASE WHEN w IS NULL THEN NULL ELSE {
  workerPool: w {.*, labels: labels(w), sources: COLLECT { UNWIND coalesce(w.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }},
  hops: [l IN hops | l {.*, type: type(l), from: startNode(l).id, to: endNode(l).id,
    sources: COLLECT { UNWIND coalesce(l.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}],
  workerPayPerUnitEur: coalesce(contractPay, t.unitPayEur),
  workerPayBasis: CASE WHEN contractPay IS NOT NULL THEN 'contract price' WHEN t.unitPayEur IS NOT NULL THEN 'task unit pay' END,
  clientPricePerUnitEur: clientPrice
} END) AS chains
RETURN t.id AS taskId, chains
