// Returns how many records (nodes) and links cite source $id in their sources, with up to five of their ids: a cited source is not retracted.
CALL () {
  MATCH (n:Record) WHERE $id IN coalesce(n.sources, [])
  RETURN count(n) AS records, collect(n.id)[..5] AS nodeIds
}
CALL () {
  MATCH ()-[r]->() WHERE $id IN coalesce(r.sources, []) AND NOT type(r) STARTS WITH 'WAS_'
  RETURN count(r) AS links, collect(r.id)[..5] AS linkIds
}
RETURN records, links, (nodeIds + linkIds)[..5] AS examples
