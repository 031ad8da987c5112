// Benchmark reference (npm run bench): Neo4j's own bulk path for the same entity rows, LOAD CSV in transactions of
// 10,000 rows, with the record's label set dynamically; no validation, provenance or dataset bookkeeping. Returns nothing.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (n:Record {id: row.id})
  SET n:Entity, n:$(row.label), n.name = row.name, n.kind = row.kind, n.country = CASE WHEN row.country <> '' THEN row.country END, n.size = toInteger(CASE WHEN row.size <> '' THEN row.size END)
} IN TRANSACTIONS OF 10000 ROWS
