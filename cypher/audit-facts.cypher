// Returns, per audited subject (the subjects of the chosen claims, plus $organizationId itself when $withSubject), the claims about it and the facts at $asOf that the claim rules read: pool links, subcontracting in and out, role splits, labour-chain links, FEEDS uses, the workforce behind it with pay, and control between it and other organisations.
// It gathers only what is read: the facts its claims' rules read ($reads: each claim kind's facts), and, with $indicators, what the scorecard
// indicators of $organizationId read, computed here (a busy platform's workforce is tens of thousands of links: they stay in the database);
// the indicators' evidence links only with $withEvidence. Pools smaller than $minPoolSize count with no pay.
CALL () {
  MATCH (c:Claim)
  WHERE ($claimId IS NULL OR c.id = $claimId)
    AND ($organizationId IS NULL OR c.by = $organizationId OR c.subject = $organizationId)
  RETURN c.subject AS subjectId
  UNION
  WITH 1 AS one WHERE $withSubject AND $organizationId IS NOT NULL
  RETURN $organizationId AS subjectId
}
MATCH (s:Entity {id: subjectId})
CALL (s) {
  MATCH (c:Claim {subject: s.id})
  WHERE ($claimId IS NULL OR c.id = $claimId)
    AND ($organizationId IS NULL OR c.by = $organizationId OR c.subject = $organizationId)
  OPTIONAL MATCH (c)-[:MADE_BY]->(by:Entity)
  WITH c, by ORDER BY c.id
  RETURN collect({claim: c {.*, sources: COLLECT { UNWIND coalesce(c.sources, []) AS sid MATCH (src:Source {id: sid}) RETURN src {.*} }},
                  by: by {.*, labels: labels(by), sources: []}}) AS claims, collect(DISTINCT c.kind) AS kinds
}
// What is read: the facts each claim's rule reads, and for the scorecard's organisation what its indicators read.
WITH s, claims, reduce(acc = [], k IN kinds | acc + coalesce($reads[k], [])) AS claimReads, $indicators AND s.id = $organizationId AS card
WITH s, claims, claimReads, card,
     claimReads + CASE WHEN card THEN ['poolLinks', 'splitVia', 'splitContracts', 'chainFirstHops', 'chainSc', 'workforce'] ELSE [] END AS needs
// S's worker pools: every pool with a valid recruiting, contracting or execution link to S.
CALL (s, needs) {
  WITH s, needs WHERE 'poolLinks' IN needs
  OPTIONAL MATCH (:WorkerPool)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(s)
  RETURN collect(e) AS poolLinks
}
// Subcontracting out of S, with one onward link of each buyer that is itself not ultimate.
CALL (s, needs) {
  WITH s, needs WHERE 'scOut' IN needs OR 'onward' IN needs
  OPTIONAL MATCH (s)-[r:SUBCONTRACTS_FOR WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)]->(t:Organization)
  OPTIONAL CALL (t) {
    MATCH (t)-[x:SUBCONTRACTS_FOR WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)]->(:Organization)
    RETURN x ORDER BY x.id LIMIT 1
  }
  RETURN collect(r) AS scOut, collect(x) AS onward
}
CALL (s, needs) {
  WITH s, needs WHERE 'scIn' IN needs
  OPTIONAL MATCH (:Organization)-[r:SUBCONTRACTS_FOR WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)]->(s)
  RETURN collect(r) AS scIn
}
// Role split: pools that work on or were recruited via S but are contracted by someone else.
CALL (s, needs) {
  WITH s, needs WHERE 'splitVia' IN needs OR 'splitContracts' IN needs
  OPTIONAL MATCH (p:WorkerPool)-[e:WORKS_ON|RECRUITED_VIA WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(s)
  OPTIONAL MATCH (p)-[cb:CONTRACTED_BY WHERE (cb.validFrom IS NULL OR cb.validFrom <= $asOf) AND (cb.validTo IS NULL OR cb.validTo >= $asOf)]->(o:Organization)
  WHERE o <> s
  RETURN collect(CASE WHEN cb IS NULL THEN NULL ELSE e END) AS splitVia, collect(cb) AS splitContracts
}
// Every link on a labour chain of S's pools: their first hops, and the subcontracting links out of any organisation those reach.
CALL (s, needs) {
  WITH s, needs WHERE 'chainFirstHops' IN needs OR 'chainSc' IN needs
  OPTIONAL MATCH (p:WorkerPool)-[x:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)]->(s)
  WITH DISTINCT p
  OPTIONAL MATCH (p)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(o0:Organization)
  WITH collect(DISTINCT e) AS firstHops, collect(DISTINCT o0) AS starts
  OPTIONAL CALL (starts) {
    UNWIND starts AS o0
    MATCH ANY SHORTEST (o0)(()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,10}(a:Organization)
    WITH DISTINCT a
    MATCH (a)-[r:SUBCONTRACTS_FOR WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)]->(:Organization)
    RETURN collect(DISTINCT r) AS chainSc
  }
  RETURN firstHops, coalesce(chainSc, []) AS chainSc
}
// Ownership and control between S and other organisations, either way: one group counts as one party.
CALL (s, needs) {
  WITH s, needs WHERE 'control' IN needs
  OPTIONAL MATCH (s)-[k:CONTROLLED_BY WHERE (k.validFrom IS NULL OR k.validFrom <= $asOf) AND (k.validTo IS NULL OR k.validTo >= $asOf)]-(:Organization)
  RETURN collect(k) AS control
}
CALL (s, needs) {
  WITH s, needs WHERE 'feeds' IN needs
  OPTIONAL MATCH (:Task)-[f:FEEDS WHERE (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)]->(s)
  RETURN collect(f) AS feeds
}
// The workforce behind S: each pool's shortest labour chain to S, its lowest valid contract price, and the tasks it performs.
CALL (s, needs) {
  WITH s, needs WHERE 'workforce' IN needs
  OPTIONAL MATCH path = ANY SHORTEST (w:WorkerPool)-[e:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON WHERE (e.validFrom IS NULL OR e.validFrom <= $asOf) AND (e.validTo IS NULL OR e.validTo >= $asOf)]->(:Organization)
    (()-[r:SUBCONTRACTS_FOR]->(:Organization) WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)){0,11}
    (s)
  WITH w, relationships(path) AS chain WHERE w IS NOT NULL
  OPTIONAL CALL (w) {
    MATCH (w)-[cb:CONTRACTED_BY WHERE (cb.validFrom IS NULL OR cb.validFrom <= $asOf) AND (cb.validTo IS NULL OR cb.validTo >= $asOf)]->(:Organization)
    WHERE cb.pricePerUnitEur IS NOT NULL
    RETURN cb ORDER BY cb.pricePerUnitEur, cb.id LIMIT 1
  }
  OPTIONAL CALL (w) {
    MATCH (t:Task)-[pb:PERFORMED_BY WHERE (pb.validFrom IS NULL OR pb.validFrom <= $asOf) AND (pb.validTo IS NULL OR pb.validTo >= $asOf)]->(w)
    WITH t, pb ORDER BY t.id
    RETURN collect({task: t {.id, .name, .unitPayEur, .minutesPerUnit,
      uses: COLLECT { MATCH (t)-[f:FEEDS WHERE (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)]->(:AIProduct) RETURN DISTINCT f.use }}, link: pb}) AS performed
  }
  WITH w, chain, cb, coalesce(performed, []) AS performed ORDER BY w.id
  RETURN collect({pool: w {.id, .name, .country, .size}, chain: chain, contract: cb, performed: performed}) AS workforce
}
// The scorecard's indicators, from the facts above (audit-rows.ts words them): the deepest chain, the share of chain links
// disclosed to workers, who contracts the pools that work on or were recruited via it, the workforce's countries, the AI
// uses its tasks feed, and the lowest hourly pay (a pool known to be smaller than $minPoolSize counts as pay unknown).
OPTIONAL CALL (card, poolLinks, splitVia, splitContracts, firstHops, chainSc, workforce) {
  WITH * WHERE card
  WITH *, COLLECT { UNWIND workforce AS x UNWIND x.chain AS l RETURN l } AS poolChains,
       reduce(best = null, x IN workforce | CASE WHEN best IS NULL OR size(x.chain) > size(best.chain) THEN x ELSE best END) AS deepest,
       reduce(lo = null, x IN workforce | reduce(lo2 = lo, y IN x.performed |
         CASE WHEN $minPoolSize > 0 AND x.pool.size IS NOT NULL AND x.pool.size < $minPoolSize THEN lo2
         ELSE CASE WHEN coalesce(x.contract.pricePerUnitEur, y.task.unitPayEur) IS NULL OR coalesce(y.task.minutesPerUnit, 0) = 0 THEN lo2
         ELSE CASE WHEN lo2 IS NULL OR toFloat(coalesce(x.contract.pricePerUnitEur, y.task.unitPayEur)) * 60 / y.task.minutesPerUnit < lo2.hourly
           THEN {hourly: toFloat(coalesce(x.contract.pricePerUnitEur, y.task.unitPayEur)) * 60 / y.task.minutesPerUnit, pool: x.pool.name, task: y.task.name,
                 links: CASE WHEN x.contract IS NULL THEN [] ELSE [x.contract] END + [y.link]}
           ELSE lo2 END END END)) AS lowest
  WITH *, COLLECT { UNWIND firstHops + chainSc + poolChains AS l RETURN DISTINCT l } AS onChains
  WITH *, [l IN onChains WHERE l.disclosedToWorkers IS NOT NULL] AS known
  // Each indicator's evidence, in the order of INDICATORS (audit-rows.ts): how many links (always), and the links only when asked for.
  WITH *, COLLECT { UNWIND splitVia + splitContracts AS l RETURN DISTINCT l } AS splits, COLLECT { UNWIND poolChains AS l RETURN DISTINCT l } AS chains,
       COLLECT { UNWIND workforce AS x UNWIND x.performed AS y RETURN y.link } AS performed
  WITH *, [coalesce(deepest.chain, []), known, splits, chains, performed, coalesce(lowest.links, [])] AS evidence
  RETURN {
    deepest: CASE WHEN deepest IS NULL THEN null ELSE {length: size(deepest.chain), pool: deepest.pool.name} END,
    onChains: size(onChains), known: size(known), disclosed: size([l IN known WHERE l.disclosedToWorkers = true]),
    contractors: COLLECT { UNWIND splitContracts AS cb RETURN DISTINCT endNode(cb).name },
    hasPools: size(poolLinks) > 0,
    countries: COLLECT { UNWIND workforce AS x RETURN DISTINCT coalesce(x.pool.country, 'unknown') },
    uses: COLLECT { UNWIND workforce AS x UNWIND x.performed AS y UNWIND y.task.uses AS u RETURN DISTINCT u },
    lowest: CASE WHEN lowest IS NULL THEN null ELSE lowest {.hourly, .pool, .task} END,
    evidenceLinks: [ids IN evidence | size(ids)]
  } AS indicators,
  CASE WHEN $withEvidence THEN evidence ELSE [] END AS evidence
}
// What is sent: the facts the claims' rules read, and the indicators' evidence links.
WITH s, claims, card, indicators, coalesce(evidence, []) AS evidence,
     CASE WHEN 'poolLinks' IN claimReads THEN poolLinks ELSE [] END AS poolLinks,
     CASE WHEN 'scOut' IN claimReads THEN scOut ELSE [] END AS scOut,
     CASE WHEN 'onward' IN claimReads THEN onward ELSE [] END AS onward,
     CASE WHEN 'scIn' IN claimReads THEN scIn ELSE [] END AS scIn,
     CASE WHEN 'splitVia' IN claimReads THEN splitVia ELSE [] END AS splitVia,
     CASE WHEN 'splitContracts' IN claimReads THEN splitContracts ELSE [] END AS splitContracts,
     CASE WHEN 'chainFirstHops' IN claimReads THEN firstHops ELSE [] END AS firstHops,
     CASE WHEN 'chainSc' IN claimReads THEN chainSc ELSE [] END AS chainSc,
     CASE WHEN 'feeds' IN claimReads THEN feeds ELSE [] END AS feeds,
     CASE WHEN 'control' IN claimReads THEN control ELSE [] END AS control,
     CASE WHEN 'workforce' IN claimReads THEN workforce ELSE [] END AS workforce
WITH *, poolLinks + scOut + onward + scIn + splitVia + splitContracts + firstHops + chainSc + feeds + control
        + COLLECT { UNWIND workforce AS x UNWIND x.chain + CASE WHEN x.contract IS NULL THEN [] ELSE [x.contract] END + [y IN x.performed | y.link] AS l RETURN l }
        + COLLECT { UNWIND evidence AS ids UNWIND ids AS l RETURN l } AS everything
WITH s, claims, indicators, evidence, poolLinks, scOut, onward, scIn, splitVia, splitContracts, firstHops, chainSc, feeds, control, workforce,
     COLLECT { UNWIND everything AS l RETURN DISTINCT l } AS links
// Each end of those links, and each source they cite, once: a hub's thousands of links share few ends and sources.
CALL (links) {
  UNWIND links AS l
  UNWIND [startNode(l), endNode(l)] AS n
  WITH DISTINCT n
  RETURN collect(n {.id, .name, .kind, .country, .size, labels: labels(n)}) AS ends
}
CALL (links) {
  UNWIND links AS l
  UNWIND coalesce(l.sources, []) AS sid
  WITH DISTINCT sid
  MATCH (src:Source {id: sid})
  RETURN collect(src {.*}) AS linkSources
}
RETURN s {.*, labels: labels(s), sources: COLLECT { UNWIND coalesce(s.sources, []) AS sid MATCH (src:Source {id: sid}) RETURN src {.*} }} AS subject,
  claims,
  [l IN links | l {.*, type: type(l), from: startNode(l).id, to: endNode(l).id}] AS links,
  ends,
  linkSources,
  [l IN poolLinks | l.id] AS poolLinks,
  [l IN scOut | l.id] AS scOut,
  [l IN onward | l.id] AS onward,
  [l IN scIn | l.id] AS scIn,
  [l IN splitVia | l.id] AS splitVia,
  [l IN splitContracts | l.id] AS splitContracts,
  [l IN firstHops | l.id] AS chainFirstHops,
  [l IN chainSc | l.id] AS chainSc,
  [l IN feeds | l.id] AS feeds,
  [l IN control | l.id] AS control,
  [x IN workforce | {pool: x.pool, chain: [l IN x.chain | l.id], contract: CASE WHEN x.contract IS NULL THEN NULL ELSE x.contract.id END,
                     performed: [y IN x.performed | {task: y.task, link: y.link.id}]}] AS workforce,
  indicators,
  [ids IN evidence | [l IN ids | l.id]] AS indicatorEvidence
ORDER BY s.id
