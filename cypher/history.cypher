// Returns the changes to record $record (an id), newest first, at most $first; those waiting for review only when $showPending.
MATCH (c:Change {record: $record})
WHERE $showPending OR c.status <> 'pending'
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt)} AS change
ORDER BY c.seq DESC
LIMIT $first
