// Returns when the kept verdict on claim $claimId last changed (the newest VerdictChange's time, as text): since when it holds; null when none was kept. With $seq (not null), as it stood just after that change: the newest kept by then.
OPTIONAL MATCH (v:VerdictChange {claimId: $claimId})
WHERE $seq IS NULL OR v.seq <= $seq
WITH v ORDER BY v.n DESC LIMIT 1
RETURN CASE WHEN v IS NULL THEN null ELSE toString(v.at) END AS since
