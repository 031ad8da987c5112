// Benchmark reference (npm run bench): one link row in its own transaction, the naive way to load a graph; returns nothing.
MATCH (a:Record {id: $row.from}), (b:Record {id: $row.to})
CREATE (a)-[r:$($row.type) {id: $row.id}]->(b)
SET r.since = $row.since, r.until = $row.until, r.pricePerUnitEur = $row.price, r.disclosedToWorkers = $row.disclosed, r.confidence = $row.confidence, r.use = $row.use, r.sources = $row.sources
