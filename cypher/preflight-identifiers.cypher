// Returns, for each incoming organisation ($rows: path, id, keys "SCHEME:id"), the stored organisations with another id that share one of its identifiers: probably the same organisation; a read-only check before an import writes anything.
UNWIND $rows AS row
UNWIND row.keys AS key
MATCH (o:Organization) WHERE o.identifierText CONTAINS ' ' + key + ' ' AND o.id <> row.id
RETURN row.path AS path, row.id AS id, key, o.id AS storedId, o.name AS storedName
ORDER BY path, key, storedId
