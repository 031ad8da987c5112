// Links a batch of claims to who made them (MADE_BY) and what they are about (ABOUT), replacing earlier ends; a claim whose ends are already these is left as it is (a re-import rewrites none of them), so that a write rewrites only the claims whose ends change (both ends of each): no version keeps them (the `-recorded` queries read a claim's `by` and `subject` instead), and an undone import makes them again from its claims' properties (docs/versioning.md). Returns how many claims it linked anew.
UNWIND $rows AS row
MATCH (c:Claim {id: row.id}), (by:Entity {id: row.by}), (subject:Entity {id: row.subject})
WITH c, by, subject
WHERE NOT (COUNT { (c)-[:MADE_BY]->() } = 1 AND EXISTS { (c)-[:MADE_BY]->(by) }
  AND COUNT { (c)-[:ABOUT]->() } = 1 AND EXISTS { (c)-[:ABOUT]->(subject) })
CALL (c) {
  MATCH (c)-[old:MADE_BY|ABOUT]->()
  DELETE old
}
MERGE (c)-[:MADE_BY]->(by)
MERGE (c)-[:ABOUT]->(subject)
RETURN count(*) AS linked
