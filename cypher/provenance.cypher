// Returns a task's provenance at $asOf: pools, execution platforms, clients, end customers, AI products, per-pool roles, depth, role split, undisclosed hops and the links to draw; no row when the task does not exist.
MATCH (t:Task {id: $taskId})
CALL (t) {
  OPTIONAL MATCH (t)-[r:PERFORMED_BY|EXECUTED_ON|ORDERED_BY WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)]->(n:Entity)
  WITH r, n ORDER BY n.id
  RETURN [x IN collect({r: r, n: n}) WHERE type(x.r) = 'PERFORMED_BY' | x.n] AS pools,
         [x IN collect({r: r, n: n}) WHERE type(x.r) = 'EXECUTED_ON' | x.n] AS platforms,
         [x IN collect({r: r, n: n}) WHERE type(x.r) = 'ORDERED_BY' | x.n] AS clients,
         collect(r) AS taskLinks
}
// End customers: for each client, the ultimate organisations reachable along valid SUBCONTRACTS_FOR.
CALL (clients) {
  UNWIND clients AS c
  MATCH p = ANY SHORTEST (c)(()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}(u:Organization)
  WHERE NOT EXISTS { (u)-[x:SUBCONTRACTS_FOR]->() WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf) }
  WITH u, relationships(p) AS rels ORDER BY u.id
  RETURN collect(DISTINCT u) AS endCustomers, reduce(acc = [], rs IN collect(rels) | acc + rs) AS clientChainLinks
}
CALL (t) {
  OPTIONAL MATCH (t)-[f:FEEDS WHERE (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)]->(a:AIProduct)
  OPTIONAL MATCH (a)-[ob:OWNED_BY WHERE (ob.validFrom IS NULL OR ob.validFrom <= $asOf) AND (ob.validTo IS NULL OR ob.validTo >= $asOf)]->(owner:Organization)
  WITH f, a, ob, owner ORDER BY a.id, f.use, owner.id
  RETURN collect(CASE WHEN a IS NULL THEN NULL ELSE {
    product: a {.*, labels: labels(a), sources: COLLECT { UNWIND coalesce(a.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }},
    use: f.use,
    owner: CASE WHEN owner IS NULL THEN NULL ELSE owner {.*, labels: labels(owner), sources: COLLECT { UNWIND coalesce(owner.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }} END
  } END) AS uses,
         collect(f) + collect(ob) AS productLinks
}
// Each pool's roles, and whether recruiting, contracting and execution are split across organisations.
CALL (pools, platforms) {
  UNWIND pools AS w
  OPTIONAL MATCH (w)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(o:Organization)
  WITH w, e, o ORDER BY o.id
  WITH w, collect(e) AS wLinks, [x IN collect({t: type(e), o: o {.*, labels: labels(o), sources: []}}) WHERE x.t IS NOT NULL] AS roles
  WITH w, wLinks, roles, reduce(ids = [], i IN [x IN roles | x.o.id] + [p IN platforms | p.id] | CASE WHEN i IN ids THEN ids ELSE ids + i END) AS involved
  RETURN collect({workerPool: w {.*, labels: labels(w), sources: []},
                  recruitedVia: [x IN roles WHERE x.t = 'RECRUITED_VIA' | x.o],
                  contractedBy: [x IN roles WHERE x.t = 'CONTRACTED_BY' | x.o],
                  worksOn: [x IN roles WHERE x.t = 'WORKS_ON' | x.o]}) AS poolRoles,
         coalesce(max(size(involved)), 0) > 1 AS roleSplit,
         reduce(acc = [], ls IN collect(wLinks) | acc + ls) AS roleLinks
}
// Depth: per pool, the fewest organisations on a chain to one of the end customers; the largest over pools.
CALL (pools, endCustomers) {
  UNWIND pools AS w
  MATCH p = ANY SHORTEST (w)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(:Organization)
    (()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}
    (u:Organization)
  WHERE u IN endCustomers
  WITH w, min(length(p)) AS fewest
  RETURN coalesce(max(fewest), 0) AS depth
}
// The links on some labour chain from the pools to the end customers: a first hop or a SUBCONTRACTS_FOR
// link whose start is reachable from a pool and whose end reaches an end customer.
CALL (pools, endCustomers) {
  OPTIONAL CALL (endCustomers) {
    UNWIND endCustomers AS u
    MATCH ANY SHORTEST (b:Organization)(()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}(u)
    RETURN collect(DISTINCT b) AS reachesEnd
  }
  OPTIONAL CALL (pools) {
    UNWIND pools AS w
    MATCH (w)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(o0:Organization)
    MATCH ANY SHORTEST (o0)(()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}(a:Organization)
    RETURN collect(DISTINCT a) AS fromPools, collect(DISTINCT e) AS firstHops
  }
  WITH coalesce(reachesEnd, []) AS reachesEnd, coalesce(fromPools, []) AS fromPools, coalesce(firstHops, []) AS firstHops
  OPTIONAL CALL (reachesEnd, fromPools) {
    UNWIND fromPools AS a
    MATCH (a)-[s:SUBCONTRACTS_FOR WHERE (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)]->(b:Organization)
    WHERE b IN reachesEnd
    RETURN collect(DISTINCT s) AS chainHops
  }
  RETURN [e IN firstHops WHERE endNode(e) IN reachesEnd] + coalesce(chainHops, []) AS chainLinks
}
WITH t, pools, platforms, clients, endCustomers, uses, poolRoles, roleSplit, depth, chainLinks,
     taskLinks + productLinks + roleLinks + clientChainLinks + chainLinks AS drawn
UNWIND CASE WHEN size(drawn) = 0 THEN [null] ELSE drawn END AS l
WITH t, pools, platforms, clients, endCustomers, uses, poolRoles, roleSplit, depth, chainLinks, collect(DISTINCT l) AS links
WITH *, reduce(ns = [t], l IN links | CASE WHEN startNode(l) IN ns THEN ns ELSE ns + startNode(l) END) AS ns1
WITH *, reduce(ns = ns1, l IN links | CASE WHEN endNode(l) IN ns THEN ns ELSE ns + endNode(l) END) AS nodes
RETURN t {.*, labels: labels(t), performerSizes: [(t)-[:PERFORMED_BY]->(p:WorkerPool) | p.size], sources: COLLECT { UNWIND coalesce(t.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }} AS task,
  [n IN pools | n {.*, labels: labels(n), sources: COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}] AS workerPools,
  [n IN platforms | n {.*, labels: labels(n), sources: COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}] AS executionPlatforms,
  [n IN clients | n {.*, labels: labels(n), sources: COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}] AS clients,
  [n IN endCustomers | n {.*, labels: labels(n), sources: COLLECT { UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}] AS endCustomers,
  uses AS aiProducts,
  poolRoles AS roles,
  depth,
  roleSplit,
  size([l IN chainLinks WHERE l.disclosedToWorkers = false OR startNode(l).kind = 'undisclosed' OR endNode(l).kind = 'undisclosed']) AS undisclosedHops,
  [n IN nodes | n {.id, .name, .kind, .country, .size, labels: labels(n)}] AS nodes,
  [l IN links | l {.*, type: type(l), from: startNode(l).id, to: endNode(l).id,
    sources: COLLECT { UNWIND coalesce(l.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}] AS edges
