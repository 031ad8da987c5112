// Takes dataset $dataset off those of records $ids it asserts that $keep (id → kind signature) no longer holds, or holds as another kind when no other dataset asserts it: drop-records for the records one edit changes (found by id, not by scanning the dataset); returns the counts.
MATCH (n:Record) WHERE n.id IN $ids AND $dataset IN n.datasets
WITH n, CASE WHEN n:Claim THEN 'Claim:' + n.by + ':' + n.subject
  ELSE head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'PayReport', 'WageReference', 'ExchangeRate']]) END AS signature
WITH n, signature, $keep[n.id] AS kept
WHERE kept IS NULL OR (kept <> signature AND n.datasets = [$dataset])
WITH n, [x IN n.datasets WHERE x <> $dataset] AS rest
OPTIONAL CALL (n) {
  UNWIND n.datasets AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS winner ORDER BY d.seq DESC LIMIT 1
}
OPTIONAL CALL (rest) {
  UNWIND rest AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS next ORDER BY d.seq DESC LIMIT 1
}
CALL (n, rest, winner, next) {
  WITH n, rest, winner, next WHERE size(rest) > 0 AND winner = $dataset
  MATCH (a:Assertion {dataset: next, record: n.id})
  SET n = properties(a)
  REMOVE n.dataset, n.record
  SET n.datasets = rest
  DELETE a
}
CALL (n, rest, winner) {
  WITH n, rest, winner WHERE size(rest) > 0 AND winner <> $dataset
  OPTIONAL MATCH (own:Assertion {dataset: $dataset, record: n.id})
  DELETE own
  SET n.datasets = rest
}
WITH n, size(rest) = 0 AS gone
CALL (n, gone) {
  WITH n WHERE gone
  DETACH DELETE n
}
RETURN sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted, sum(CASE WHEN gone THEN 0 ELSE 1 END) AS released
