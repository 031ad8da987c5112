// Creates or updates a batch of WorkerPool nodes by id (absent fields are removed); returns nothing.
UNWIND $rows AS row
MERGE (n:Entity:WorkerPool {id: row.id})
SET n = row
