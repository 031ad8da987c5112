// Creates or updates a batch of Task nodes by id (absent fields are removed); returns nothing.
UNWIND $rows AS row
MERGE (n:Entity:Task {id: row.id})
SET n = row
