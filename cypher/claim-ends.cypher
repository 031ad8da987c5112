// Links a batch of claims to who made them (MADE_BY) and what they are about (ABOUT), replacing earlier ends; returns nothing.
UNWIND $rows AS row
MATCH (c:Claim {id: row.id}), (by:Entity {id: row.by}), (subject:Entity {id: row.subject})
CALL (c) {
  MATCH (c)-[old:MADE_BY|ABOUT]->()
  DELETE old
}
MERGE (c)-[:MADE_BY]->(by)
MERGE (c)-[:ABOUT]->(subject)
