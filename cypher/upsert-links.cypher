// Writes a batch of dataset $dataset's links by type and id between existing records: each shows this dataset's version, and the version it replaces on screen is kept as an Assertion; returns how many were new.
UNWIND $rows AS row
MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
FOREACH (_ IN CASE WHEN row.type = 'RECRUITED_VIA' THEN [1] ELSE [] END | MERGE (a)-[:RECRUITED_VIA {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'CONTRACTED_BY' THEN [1] ELSE [] END | MERGE (a)-[:CONTRACTED_BY {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'WORKS_ON' THEN [1] ELSE [] END | MERGE (a)-[:WORKS_ON {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'SUBCONTRACTS_FOR' THEN [1] ELSE [] END | MERGE (a)-[:SUBCONTRACTS_FOR {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'PERFORMED_BY' THEN [1] ELSE [] END | MERGE (a)-[:PERFORMED_BY {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'EXECUTED_ON' THEN [1] ELSE [] END | MERGE (a)-[:EXECUTED_ON {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'ORDERED_BY' THEN [1] ELSE [] END | MERGE (a)-[:ORDERED_BY {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'FEEDS' THEN [1] ELSE [] END | MERGE (a)-[:FEEDS {id: row.id}]->(b))
FOREACH (_ IN CASE WHEN row.type = 'OWNED_BY' THEN [1] ELSE [] END | MERGE (a)-[:OWNED_BY {id: row.id}]->(b))
WITH a, b, row
MATCH (a)-[r {id: row.id}]->(b) WHERE type(r) = row.type
WITH r, row, coalesce(r.datasets, []) AS owners
OPTIONAL CALL (owners) {
  UNWIND owners AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS winner ORDER BY d.seq DESC LIMIT 1
}
CALL (r, row, winner) {
  WITH r, row, winner WHERE winner IS NOT NULL AND winner <> $dataset
  MERGE (x:Assertion {dataset: winner, record: row.key})
  SET x = properties(r), x.dataset = winner, x.record = row.key
  REMOVE x.datasets
}
CALL (row) {
  OPTIONAL MATCH (own:Assertion {dataset: $dataset, record: row.key})
  DELETE own
}
SET r = row.props
SET r.datasets = CASE WHEN $dataset IN owners THEN owners ELSE owners + $dataset END
RETURN sum(CASE WHEN size(owners) = 0 THEN 1 ELSE 0 END) AS created, count(*) AS written
