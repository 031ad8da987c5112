// Takes dataset $dataset off every link it asserts that $keep ("TYPE:id" → "from->to") no longer holds, or holds between other ends when no other dataset asserts it: a link no dataset asserts any more is retired (a `WAS_<TYPE>` copy with the same ends and properties and `recTo` = change $seq, docs/versioning.md), one another dataset asserts shows that dataset's kept version again (the version it replaces retired, the new one made by $seq); returns the counts.
MATCH (a)-[r]->(b) WHERE $dataset IN r.datasets AND NOT type(r) STARTS WITH 'WAS_'
WITH r, a, b, type(r) + ':' + r.id AS key, a.id + '->' + b.id AS ends
WITH r, a, b, key, ends, $keep[key] AS kept
WHERE kept IS NULL OR (kept <> ends AND r.datasets = [$dataset])
WITH r, a, b, 'link:' + key AS record, [x IN r.datasets WHERE x <> $dataset] AS rest
CREATE (a)-[w:$('WAS_' + type(r))]->(b)
SET w = properties(r), w.recTo = $seq
WITH r, record, rest
OPTIONAL CALL (r) {
  UNWIND r.datasets AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS winner ORDER BY d.seq DESC LIMIT 1
}
OPTIONAL CALL (rest) {
  UNWIND rest AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS next ORDER BY d.seq DESC LIMIT 1
}
CALL (r, record, rest, winner, next) {
  WITH r, record, rest, winner, next WHERE size(rest) > 0 AND winner = $dataset
  MATCH (x:Assertion {dataset: next, record: record})
  SET r = properties(x)
  REMOVE r.dataset, r.record
  SET r.datasets = rest, r.recFrom = $seq
  DELETE x
}
CALL (r, record, rest, winner) {
  WITH r, record, rest, winner WHERE size(rest) > 0 AND winner <> $dataset
  OPTIONAL MATCH (own:Assertion {dataset: $dataset, record: record})
  DELETE own
  SET r.datasets = rest, r.recFrom = $seq
}
WITH r, size(rest) = 0 AS gone
CALL (r, gone) {
  WITH r WHERE gone
  DELETE r
}
RETURN sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted, sum(CASE WHEN gone THEN 0 ELSE 1 END) AS released
