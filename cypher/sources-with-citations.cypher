// Returns every source (its properties) with the ids of the entities, claims and links that cite it, in id order (the citing ids too); a source nothing cites has an empty list (deep-labour sources).
CALL () {
  MATCH (n:Record) WHERE (n:Entity OR n:Claim) AND n.sources IS NOT NULL
  UNWIND n.sources AS sid
  RETURN sid, n.id AS item
  UNION ALL
  MATCH ()-[l]->() WHERE l.sources IS NOT NULL AND NOT type(l) STARTS WITH 'WAS_'
  UNWIND l.sources AS sid
  RETURN sid, l.id AS item
}
WITH sid, item ORDER BY item
WITH sid, collect(item) AS items
WITH collect({sid: sid, items: items}) AS cited
MATCH (s:Source)
RETURN s {.*} AS source, coalesce(head([c IN cited WHERE c.sid = s.id | c.items]), []) AS items
ORDER BY s.id
