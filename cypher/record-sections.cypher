// Returns, for each of $ids held by a record in the store, its label (Source, Organization, WorkerPool, Task, AIProduct or Claim): what a curated edit may refer to.
UNWIND $ids AS id
MATCH (n:Record {id: id})
RETURN id, head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'Claim', 'PayReport', 'WageReference', 'ExchangeRate']]) AS label
