// Writes a batch of dataset $dataset's links ($rows: type → rows) that the store already holds, by type and id between existing records: each shows this dataset's version, and the version it replaces on screen is kept as an Assertion; returns how many were new.
CALL () {
  UNWIND coalesce($rows.RECRUITED_VIA, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:RECRUITED_VIA {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.CONTRACTED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:CONTRACTED_BY {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.WORKS_ON, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:WORKS_ON {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.SUBCONTRACTS_FOR, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:SUBCONTRACTS_FOR {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.PERFORMED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:PERFORMED_BY {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.EXECUTED_ON, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:EXECUTED_ON {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.ORDERED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:ORDERED_BY {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.FEEDS, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:FEEDS {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.OWNED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:OWNED_BY {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.PART_OF, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:PART_OF {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.OVERLAPS_WITH, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:OVERLAPS_WITH {id: row.id}]->(b)
  RETURN r, row
  UNION ALL
  UNWIND coalesce($rows.CONTROLLED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  MERGE (a)-[r:CONTROLLED_BY {id: row.id}]->(b)
  RETURN r, row
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
