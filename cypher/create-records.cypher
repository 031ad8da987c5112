// Creates a batch of dataset $dataset's records that the store does not hold yet ($rows: label → rows of props), owned by $dataset alone, made by change $seq (`recFrom`); the import's fast path (no version to keep, nothing to merge with); returns how many.
CALL () {
  UNWIND coalesce($rows.Source, []) AS row
  CREATE (n:Record:Source)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.Organization, []) AS row
  CREATE (n:Record:Organization:Entity)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.WorkerPool, []) AS row
  CREATE (n:Record:WorkerPool:Entity)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.Task, []) AS row
  CREATE (n:Record:Task:Entity)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.AIProduct, []) AS row
  CREATE (n:Record:AIProduct:Entity)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.Claim, []) AS row
  CREATE (n:Record:Claim)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.PayReport, []) AS row
  CREATE (n:Record:PayReport)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.WageReference, []) AS row
  CREATE (n:Record:WageReference)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.ExchangeRate, []) AS row
  CREATE (n:Record:ExchangeRate)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
  UNION ALL
  UNWIND coalesce($rows.Reply, []) AS row
  CREATE (n:Record:Reply)
  SET n = row.props, n.datasets = [$dataset], n.recFrom = $seq
  RETURN count(n) AS created
}
RETURN sum(created) AS created
