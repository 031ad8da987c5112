// Returns one page of organisations in id order after $after, optionally of one kind and country (with their sources
// when $withSources), with the total count.
// The count, one way per filter, so that each can use its index (a kind or country filter) or the count store (none):
// one plan with "$kind IS NULL OR o.kind = $kind" read every organisation's properties (1.7x slower at 1M links).
// Counted only when the query asks for totalCount ($withCount): a page turned through a large kind need not count it.
CALL () {
  WITH 1 AS one WHERE $withCount AND $kind IS NOT NULL
  MATCH (o:Organization {kind: $kind})
  WHERE $country IS NULL OR o.country = $country
  RETURN count(o) AS n
  UNION ALL
  WITH 1 AS one WHERE $withCount AND $kind IS NULL AND $country IS NOT NULL
  MATCH (o:Organization {country: $country})
  RETURN count(o) AS n
  UNION ALL
  WITH 1 AS one WHERE $withCount AND $kind IS NULL AND $country IS NULL
  MATCH (o:Organization)
  RETURN count(o) AS n
}
WITH sum(n) AS totalCount
CALL () {
  MATCH (o:Organization)
  WHERE o.id > $after
    AND ($kind IS NULL OR o.kind = $kind) AND ($country IS NULL OR o.country = $country)
  WITH o ORDER BY o.id LIMIT $first + 1
  RETURN collect(o {.*, labels: labels(o), sources: CASE WHEN $withSources THEN COLLECT { UNWIND coalesce(o.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} } ELSE [] END}) AS page
}
RETURN totalCount, page
