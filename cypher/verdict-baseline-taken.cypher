// Returns whether the store's verdicts have their baseline (the first judgement of every claim); read at start, before taking the write lock.
OPTIONAL MATCH (b:VerdictBaseline {singleton: true})
RETURN b IS NOT NULL AS taken
