// Takes the record or link $element out of the store for every dataset (with its kept Assertions under $key) and leaves a Retraction under $key, so that re-imports leave it out; a link is retired (a `WAS_<TYPE>` copy, `recTo` = change $seq), a record is deleted with its links (docs/versioning.md); returns how many were deleted.
OPTIONAL MATCH (n) WHERE elementId(n) = $element
OPTIONAL MATCH ()-[r]->() WHERE elementId(r) = $element
OPTIONAL MATCH (x:Assertion {record: $key})
WITH n, r, collect(x) AS kept
FOREACH (a IN kept | DELETE a)
WITH n, r
CALL (r) {
  WITH r WHERE r IS NOT NULL
  WITH r, startNode(r) AS a, endNode(r) AS b
  CREATE (a)-[w:$('WAS_' + type(r))]->(b)
  SET w = properties(r), w.recTo = $seq
}
DELETE r
DETACH DELETE n
MERGE (t:Retraction {key: $key})
SET t.change = $change, t.reason = $reason, t.at = datetime()
RETURN count(*) AS deleted
