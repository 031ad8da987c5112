// Benchmark reference (npm run bench): Neo4j's own bulk path for the same entity rows (every field, sources included), LOAD CSV in transactions of
// 10,000 rows, with the record's label set dynamically; no validation, provenance or dataset bookkeeping. Returns nothing.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (n:Record {id: row.id})
  SET n:Entity, n:$(row.label), n.name = row.name, n.kind = row.kind, n.country = CASE WHEN row.country <> '' THEN row.country END, n.size = toInteger(CASE WHEN row.size <> '' THEN row.size END),
    n.unitPayEur = toFloat(CASE WHEN row.unitPay <> '' THEN row.unitPay END), n.minutesPerUnit = toFloat(CASE WHEN row.minutes <> '' THEN row.minutes END),
    n.marketedAsFullyAutomated = CASE row.automated WHEN 'true' THEN true WHEN 'false' THEN false END, n.sources = CASE WHEN row.sources <> '' THEN split(row.sources, ';') END
} IN TRANSACTIONS OF 10000 ROWS
