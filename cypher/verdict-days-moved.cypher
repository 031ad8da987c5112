// Moves the kept verdicts judged before $today, other than those just judged again ($judged: claim ids), to $today: nothing they read starts or ends between the day each was judged and $today (verdict-days-links.cypher found what does, and its claims were judged again), so judging them on $today gives the same verdict. Returns how many moved.
MATCH (v:Verdict)
WHERE v.judgedOn < $today AND NOT v.claimId IN $judged
SET v.judgedOn = $today
RETURN count(v) AS moved
