// Returns the earliest day before $today that a kept verdict (:Verdict) was judged for, and how many were judged before $today: null and 0 when every kept verdict was judged for $today (or later), or none is kept. A few hundred verdicts per 100,000 links: read whole.
MATCH (v:Verdict)
WHERE v.judgedOn < $today
RETURN min(v.judgedOn) AS from, count(v) AS behind
