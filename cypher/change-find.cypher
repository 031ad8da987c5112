// Returns the change with id $id, and the newest applied change after it to the same record (null when none): a revert must not undo later work silently.
MATCH (c:Change {id: $id})
OPTIONAL CALL (c) {
  MATCH (l:Change {record: c.record})
  WHERE l.seq > c.seq AND l.status IN ['applied', 'accepted'] AND c.record IS NOT NULL
  RETURN l.id AS laterId ORDER BY l.seq DESC LIMIT 1
}
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt)} AS change, laterId
