// Returns, for each incoming record ($rows: path, id, kind signature, name) whose id another dataset already asserts, what is stored: its signature, name and the other datasets; a read-only check before an import writes anything.
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
WITH row, n, [x IN coalesce(n.datasets, []) WHERE x <> $dataset] AS others
WHERE size(others) > 0
WITH row, n, others, CASE WHEN n:Claim THEN 'Claim:' + n.by + ':' + n.subject
  ELSE head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct']]) END AS signature
WHERE signature <> row.signature OR coalesce(n.name, n.title) <> row.name
RETURN row.path AS path, row.id AS id, row.signature AS incoming, signature AS stored, row.name AS incomingName,
  coalesce(n.name, n.title) AS storedName, others
ORDER BY path
