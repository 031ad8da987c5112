// Returns dataset $dataset's own version of each record it asserts (its kept Assertion where another dataset's version is on screen), with the record's label, for curation.
MATCH (n:Record) WHERE $dataset IN n.datasets
OPTIONAL MATCH (a:Assertion {dataset: $dataset, record: n.id})
RETURN head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'Claim', 'PayReport', 'WageReference', 'ExchangeRate', 'Reply']]) AS label,
  CASE WHEN a IS NULL THEN properties(n) ELSE properties(a) END AS props
ORDER BY label, n.id
