// Benchmark reference (npm run bench): Neo4j's own bulk path for the same link rows (every field, sources included), LOAD CSV in transactions of
// 10,000 rows, one CREATE with the link's type set dynamically (its fastest form: the store is empty, so nothing to
// merge with); no validation, provenance or dataset bookkeeping. Returns nothing.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:Record {id: row.from}), (b:Record {id: row.to})
  CREATE (a)-[r:$(row.type) {id: row.id}]->(b)
  SET r.since = CASE WHEN row.since <> '' THEN row.since END, r.until = CASE WHEN row.until <> '' THEN row.until END, r.pricePerUnitEur = toFloat(CASE WHEN row.price <> '' THEN row.price END),
    r.disclosedToWorkers = CASE row.disclosed WHEN 'true' THEN true WHEN 'false' THEN false END, r.confidence = toFloat(CASE WHEN row.confidence <> '' THEN row.confidence END), r.use = CASE WHEN row.use <> '' THEN row.use END,
    r.sources = CASE WHEN row.sources <> '' THEN split(row.sources, ';') END
} IN TRANSACTIONS OF 10000 ROWS
