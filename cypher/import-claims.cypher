// Creates or updates a batch of claims by id, linked to who made them and what they are about; returns nothing.
UNWIND $rows AS row
MATCH (by:Entity {id: row.props.by}), (subject:Entity {id: row.props.subject})
MERGE (c:Claim {id: row.props.id})
SET c = row.props
WITH c, by, subject
CALL (c) {
  MATCH (c)-[old:MADE_BY|ABOUT]->()
  DELETE old
}
MERGE (c)-[:MADE_BY]->(by)
MERGE (c)-[:ABOUT]->(subject)
