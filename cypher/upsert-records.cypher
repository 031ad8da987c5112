// Writes a batch of dataset $dataset's records (sources, entities, claims, pay reports, wage references, exchange rates, requests for reply) by id: each shows this dataset's version, and the version it replaces on screen is kept as an Assertion of the dataset that asserted it; returns how many were new.
UNWIND $rows AS row
MERGE (n:Record {id: row.id})
WITH n, row, coalesce(n.datasets, []) AS owners
OPTIONAL CALL (owners) {
  UNWIND owners AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS winner ORDER BY d.seq DESC LIMIT 1
}
CALL (n, winner) {
  WITH n, winner WHERE winner IS NOT NULL AND winner <> $dataset
  MERGE (a:Assertion {dataset: winner, record: n.id})
  SET a = properties(n), a.dataset = winner, a.record = n.id
  REMOVE a.datasets, a.h
}
CALL (n) {
  OPTIONAL MATCH (own:Assertion {dataset: $dataset, record: n.id})
  DELETE own
}
SET n = row.props
SET n.datasets = CASE WHEN $dataset IN owners THEN owners ELSE owners + $dataset END
FOREACH (_ IN CASE WHEN row.label = 'Source' THEN [1] ELSE [] END | SET n:Source)
FOREACH (_ IN CASE WHEN row.label = 'Organization' THEN [1] ELSE [] END | SET n:Organization:Entity)
FOREACH (_ IN CASE WHEN row.label = 'WorkerPool' THEN [1] ELSE [] END | SET n:WorkerPool:Entity)
FOREACH (_ IN CASE WHEN row.label = 'Task' THEN [1] ELSE [] END | SET n:Task:Entity)
FOREACH (_ IN CASE WHEN row.label = 'AIProduct' THEN [1] ELSE [] END | SET n:AIProduct:Entity)
FOREACH (_ IN CASE WHEN row.label = 'Claim' THEN [1] ELSE [] END | SET n:Claim)
FOREACH (_ IN CASE WHEN row.label = 'PayReport' THEN [1] ELSE [] END | SET n:PayReport)
FOREACH (_ IN CASE WHEN row.label = 'WageReference' THEN [1] ELSE [] END | SET n:WageReference)
FOREACH (_ IN CASE WHEN row.label = 'ExchangeRate' THEN [1] ELSE [] END | SET n:ExchangeRate)
FOREACH (_ IN CASE WHEN row.label = 'Reply' THEN [1] ELSE [] END | SET n:Reply)
RETURN sum(CASE WHEN size(owners) = 0 THEN 1 ELSE 0 END) AS created, count(*) AS written
