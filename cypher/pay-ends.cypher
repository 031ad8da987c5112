// Links a batch of pay reports to the worker pool paid (PAY_OF) and, when the report names one, the task paid for (PAY_FOR), replacing earlier ends; a report whose ends are already these is left as it is (a re-import rewrites none of them), so that a write rewrites only the reports whose ends change (all ends of each): no version keeps them (the `-recorded` queries read a report's `pool` and `task` instead), and an undone import makes them again from its reports' properties (docs/versioning.md). Returns how many reports it linked anew.
UNWIND $rows AS row
MATCH (p:Record {id: row.id}), (pool:WorkerPool {id: row.pool})
OPTIONAL MATCH (task:Task {id: row.task})
WITH p, pool, task
WHERE NOT (COUNT { (p)-[:PAY_OF]->() } = 1 AND EXISTS { (p)-[:PAY_OF]->(pool) }
  AND CASE WHEN task IS NULL THEN NOT EXISTS { (p)-[:PAY_FOR]->() }
    ELSE COUNT { (p)-[:PAY_FOR]->() } = 1 AND EXISTS { (p)-[:PAY_FOR]->(task) } END)
CALL (p) {
  MATCH (p)-[old:PAY_OF|PAY_FOR]->()
  DELETE old
}
MERGE (p)-[:PAY_OF]->(pool)
FOREACH (_ IN CASE WHEN task IS NULL THEN [] ELSE [1] END | MERGE (p)-[:PAY_FOR]->(task))
RETURN count(*) AS linked
