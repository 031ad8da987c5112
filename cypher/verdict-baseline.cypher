// Returns whether the store's verdicts have their baseline (the first judgement of every claim), and marks it taken at change number $seq when $mark.
OPTIONAL MATCH (b:VerdictBaseline {singleton: true})
WITH b, b IS NOT NULL AS taken
CALL (taken) {
  WITH taken WHERE $mark AND NOT taken
  MERGE (m:VerdictBaseline {singleton: true})
  SET m.seq = $seq, m.at = datetime()
}
RETURN taken
