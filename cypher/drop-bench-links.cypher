// Benchmark reference (npm run bench): deletes every link between records of the scratch store, in batches, so that the next run writes them anew; returns nothing.
MATCH (:Record)-[r]->(:Record)
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
