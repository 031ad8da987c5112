// Creates or updates a batch of Organization nodes by id (absent fields are removed); returns nothing.
// MERGE on the one label whose id index it can seek; the shared :Entity label (unique id across kinds) follows.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n = row, n:Entity
