// Links a batch of pay reports to the worker pool paid (PAY_OF) and, when the report names one, the task paid for (PAY_FOR), replacing earlier ends; returns nothing.
UNWIND $rows AS row
MATCH (p:Record {id: row.id}), (pool:WorkerPool {id: row.pool})
CALL (p) {
  MATCH (p)-[old:PAY_OF|PAY_FOR]->()
  DELETE old
}
MERGE (p)-[:PAY_OF]->(pool)
WITH p, row
OPTIONAL MATCH (task:Task {id: row.task})
FOREACH (_ IN CASE WHEN task IS NULL THEN [] ELSE [1] END | MERGE (p)-[:PAY_FOR]->(task))
