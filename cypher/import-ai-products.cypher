// Creates or updates a batch of AIProduct nodes by id (absent fields are removed); returns nothing.
UNWIND $rows AS row
MERGE (n:Entity:AIProduct {id: row.id})
SET n = row
