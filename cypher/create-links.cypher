// Creates a batch of dataset $dataset's links that the store does not hold yet ($rows: type → rows of id, from, to, props) between existing records, owned by $dataset alone; the import's fast path (no version to keep, nothing to merge with); returns how many.
CALL () {
  UNWIND coalesce($rows.RECRUITED_VIA, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:RECRUITED_VIA]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.CONTRACTED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:CONTRACTED_BY]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.WORKS_ON, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:WORKS_ON]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.SUBCONTRACTS_FOR, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:SUBCONTRACTS_FOR]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.PERFORMED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:PERFORMED_BY]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.EXECUTED_ON, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:EXECUTED_ON]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.ORDERED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:ORDERED_BY]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.FEEDS, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:FEEDS]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.OWNED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:OWNED_BY]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.PART_OF, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:PART_OF]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.OVERLAPS_WITH, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:OVERLAPS_WITH]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
  UNION ALL
  UNWIND coalesce($rows.CONTROLLED_BY, []) AS row
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:CONTROLLED_BY]->(b)
  SET r = row.props, r.datasets = [$dataset]
  RETURN count(r) AS created
}
RETURN sum(created) AS created
