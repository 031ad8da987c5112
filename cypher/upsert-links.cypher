// Writes a batch of dataset $dataset's links by type and id between existing records: each shows this dataset's version, and the version it replaces on screen is kept as an Assertion; returns how many were new.
UNWIND $rows AS row
MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
CALL (a, b, row) {
  WITH a, b, row WHERE row.type = 'RECRUITED_VIA'
  MERGE (a)-[r:RECRUITED_VIA {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'CONTRACTED_BY'
  MERGE (a)-[r:CONTRACTED_BY {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'WORKS_ON'
  MERGE (a)-[r:WORKS_ON {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'SUBCONTRACTS_FOR'
  MERGE (a)-[r:SUBCONTRACTS_FOR {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'PERFORMED_BY'
  MERGE (a)-[r:PERFORMED_BY {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'EXECUTED_ON'
  MERGE (a)-[r:EXECUTED_ON {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'ORDERED_BY'
  MERGE (a)-[r:ORDERED_BY {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'FEEDS'
  MERGE (a)-[r:FEEDS {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'OWNED_BY'
  MERGE (a)-[r:OWNED_BY {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'PART_OF'
  MERGE (a)-[r:PART_OF {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'OVERLAPS_WITH'
  MERGE (a)-[r:OVERLAPS_WITH {id: row.id}]->(b)
  RETURN r
  UNION
  WITH a, b, row WHERE row.type = 'CONTROLLED_BY'
  MERGE (a)-[r:CONTROLLED_BY {id: row.id}]->(b)
  RETURN r
}
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
