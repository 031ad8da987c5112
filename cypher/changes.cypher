// Returns the changes newest first: made at or after $since (a datetime, or null), to dataset $dataset (or any), pending review only when $pending (and shown at all only when $showPending), before change number $before (or from the newest); $first + 1 of them, so the caller knows if there are more.
MATCH (c:Change)
WHERE ($before IS NULL OR c.seq < $before)
  AND ($since IS NULL OR c.at >= datetime($since))
  AND ($dataset IS NULL OR c.dataset = $dataset)
  AND ($pending = false OR c.status = 'pending')
  AND ($showPending OR c.status <> 'pending')
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt)} AS change
ORDER BY c.seq DESC
LIMIT $first + 1
