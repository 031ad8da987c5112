// Returns the ids of the claims a change to the evidence can affect: those named in $claimIds (claim records changed themselves), every claim when $all, the pay claims (kinds $wageKinds) when $wage (a wage reference or exchange rate changed), and the claims whose subject's labour-chain neighbourhood, as the claim rules read it (cypher/audit-facts.cypher), holds one of the changed records $anchors (ids of changed records and of the ends of changed links).
// The neighbourhood, seen from a changed record a: a subject downstream of a on a labour chain (a's pool, or the pool a task of a is performed by, or a pool a contracts, then at most 12 recruiting, contracting, execution or subcontracting links, as the workforce rules follow them); a subject that subcontracts to a in one or two steps (subcontracting out, and onward); a subject a controls or is controlled by; an AI product a feeds.
CALL () {
  UNWIND $anchors AS aid
  MATCH (a:Entity {id: aid})
  CALL (a) {
    RETURN a AS seed
    UNION
    MATCH (a)-[:PERFORMED_BY]->(seed:WorkerPool) RETURN seed
    UNION
    MATCH (seed:WorkerPool)-[:CONTRACTED_BY]->(a) RETURN seed
  }
  WITH DISTINCT seed
  MATCH (seed)-[:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR*0..12]->(x:Entity)
  RETURN DISTINCT x.id AS subject
  UNION
  UNWIND $anchors AS aid
  MATCH (a:Entity {id: aid})
  MATCH (x:Entity)-[:SUBCONTRACTS_FOR*1..2]->(a)
  RETURN DISTINCT x.id AS subject
  UNION
  UNWIND $anchors AS aid
  MATCH (a:Entity {id: aid})-[:CONTROLLED_BY|FEEDS]-(x:Entity)
  RETURN DISTINCT x.id AS subject
  UNION
  // A pay report's pool and a retracted record's id stand for themselves even when no node has them now.
  UNWIND $anchors AS subject
  RETURN subject
}
WITH collect(subject) AS subjects
MATCH (c:Claim)
WHERE $all OR c.id IN $claimIds OR ($wage AND c.kind IN $wageKinds) OR c.subject IN subjects
RETURN c.id AS id
ORDER BY id
