// Returns, for each incoming link ($rows: path, type, id, from, to) whose type and id another dataset already asserts between other ends, the stored ends and datasets; a read-only check before an import writes anything.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.type = 'RECRUITED_VIA'
  MATCH (a)-[r:RECRUITED_VIA {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'CONTRACTED_BY'
  MATCH (a)-[r:CONTRACTED_BY {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'WORKS_ON'
  MATCH (a)-[r:WORKS_ON {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'SUBCONTRACTS_FOR'
  MATCH (a)-[r:SUBCONTRACTS_FOR {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'PERFORMED_BY'
  MATCH (a)-[r:PERFORMED_BY {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'EXECUTED_ON'
  MATCH (a)-[r:EXECUTED_ON {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'ORDERED_BY'
  MATCH (a)-[r:ORDERED_BY {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'FEEDS'
  MATCH (a)-[r:FEEDS {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'OWNED_BY'
  MATCH (a)-[r:OWNED_BY {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'PART_OF'
  MATCH (a)-[r:PART_OF {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'OVERLAPS_WITH'
  MATCH (a)-[r:OVERLAPS_WITH {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
  UNION
  WITH row WHERE row.type = 'CONTROLLED_BY'
  MATCH (a)-[r:CONTROLLED_BY {id: row.id}]->(b)
  RETURN r, a.id AS storedFrom, b.id AS storedTo
}
WITH row, storedFrom, storedTo, [x IN coalesce(r.datasets, []) WHERE x <> $dataset] AS others
WHERE size(others) > 0 AND (storedFrom <> row.from OR storedTo <> row.to)
RETURN row.path AS path, row.id AS id, row.type AS type, row.from AS incomingFrom, row.to AS incomingTo, storedFrom, storedTo, others
ORDER BY path
