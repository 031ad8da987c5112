// Returns one page of changes of verdict, newest first: on claim $claimId (or any), on claims by or about $organizationId (or any), kept at or after $since (a datetime, or null), numbered below $before (or from the newest); $first + 1 of them, so the caller knows if there are more; with how many match in all, and each with its claim's text, its subject's name and the summary of the change that caused it.
CALL () {
  MATCH (v:VerdictChange)
  WHERE ($claimId IS NULL OR v.claimId = $claimId)
    AND ($organizationId IS NULL OR v.subject = $organizationId OR v.by = $organizationId)
    AND ($since IS NULL OR v.at >= datetime($since))
  RETURN count(v) AS totalCount
}
CALL () {
  MATCH (v:VerdictChange)
  WHERE ($claimId IS NULL OR v.claimId = $claimId)
    AND ($organizationId IS NULL OR v.subject = $organizationId OR v.by = $organizationId)
    AND ($since IS NULL OR v.at >= datetime($since))
    AND ($before IS NULL OR v.n < $before)
  WITH v ORDER BY v.n DESC LIMIT $first + 1
  OPTIONAL MATCH (c:Claim {id: v.claimId})
  OPTIONAL MATCH (s:Entity {id: v.subject})
  OPTIONAL MATCH (ch:Change {id: v.changeId})
  RETURN collect(v {.*, at: toString(v.at), claimText: c.text, subjectName: s.name, changeSummary: ch.summary}) AS page
}
RETURN totalCount, page
