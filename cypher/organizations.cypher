// Returns one page of organisations in id order after $after, optionally of one kind and country, with the total count.
CALL () {
  MATCH (o:Organization)
  WHERE ($kind IS NULL OR o.kind = $kind) AND ($country IS NULL OR o.country = $country)
  RETURN count(o) AS totalCount
}
CALL () {
  MATCH (o:Organization)
  WHERE o.id > $after
    AND ($kind IS NULL OR o.kind = $kind) AND ($country IS NULL OR o.country = $country)
  WITH o ORDER BY o.id LIMIT $first + 1
  RETURN collect(o {.*, labels: labels(o), sources: COLLECT { UNWIND coalesce(o.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}) AS page
}
RETURN totalCount, page
