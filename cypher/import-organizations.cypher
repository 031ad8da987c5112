// Creates or updates a batch of Organization nodes by id (absent fields are removed); returns nothing.
UNWIND $rows AS row
MERGE (n:Entity:Organization {id: row.id})
SET n = row
