// Returns, for each incoming record id ($ids) that the store already holds, what is stored: its kind signature, name, its datasets other than $dataset and whether $dataset asserts it; read-only, before an import writes anything (conflicts, name warnings, and which records are new, are decided from it).
UNWIND $ids AS id
MATCH (n:Record {id: id})
WITH id, n, coalesce(n.datasets, []) AS owners
RETURN id, CASE WHEN n:Claim THEN 'Claim:' + n.by + ':' + n.subject
    ELSE head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'PayReport', 'WageReference', 'ExchangeRate', 'Reply']]) END AS stored,
  coalesce(n.name, n.title) AS storedName, [x IN owners WHERE x <> $dataset] AS others, $dataset IN owners AS ours
