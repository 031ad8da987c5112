// Returns the claims made by or about $organizationId (every claim when it is null), at most $first in id order, with who made them, their subject and sources.
MATCH (c:Claim)-[:MADE_BY]->(by:Entity)
WHERE $organizationId IS NULL OR c.by = $organizationId OR c.subject = $organizationId
MATCH (c)-[:ABOUT]->(subject:Entity)
RETURN c {.*, sources: COLLECT { UNWIND coalesce(c.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }} AS claim,
  by {.*, labels: labels(by), sources: []} AS by,
  subject {.*, labels: labels(subject), sources: []} AS subject
ORDER BY c.id
LIMIT $first
