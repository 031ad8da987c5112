// Returns one page of claims in id order after $after ('' for the first), made by or about $organizationId (every claim when it is null): $first + 1 of them, so the caller knows if there are more, each with who made it, its subject and sources; and how many match on every page together when $withCount.
// The page walks the claim_id index in order from $after (keyset paging, no SKIP); the count only when asked for.
CALL () {
  WITH 1 AS one WHERE $withCount
  MATCH (c:Claim)
  WHERE $organizationId IS NULL OR c.by = $organizationId OR c.subject = $organizationId
  RETURN count(c) AS n
  UNION ALL
  WITH 1 AS one WHERE NOT $withCount
  RETURN 0 AS n
}
WITH sum(n) AS totalCount
CALL () {
  MATCH (c:Claim)-[:MADE_BY]->(by:Entity)
  WHERE c.id > $after AND ($organizationId IS NULL OR c.by = $organizationId OR c.subject = $organizationId)
  MATCH (c)-[:ABOUT]->(subject:Entity)
  WITH c, by, subject ORDER BY c.id LIMIT $first + 1
  RETURN collect({
    claim: c {.*, sources: COLLECT { UNWIND coalesce(c.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }},
    by: by {.*, labels: labels(by), sources: []},
    subject: subject {.*, labels: labels(subject), sources: []}
  }) AS page
}
RETURN totalCount, page
