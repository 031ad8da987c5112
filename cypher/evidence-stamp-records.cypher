// Stamps each record of $rows (id, h) with its content hash `h`, computed in Node from its properties as read back; returns nothing.
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
SET n.h = row.h
