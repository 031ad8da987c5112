// Creates or updates a batch of sources by id; returns nothing.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row
