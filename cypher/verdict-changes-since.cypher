// Returns the last change number ($after null), or the published changes after change number $after, oldest first, with the records their states name: what verdict keeping re-judges after a write.
OPTIONAL MATCH (k:ChangeCounter {singleton: true})
WITH coalesce(k.seq, 0) AS last
OPTIONAL CALL (last) {
  WITH last WHERE $after IS NOT NULL
  MATCH (c:Change) WHERE c.seq > $after
    AND NOT (c.status IN ['pending', 'rejected'] OR c.action = 'reject')
  WITH c ORDER BY c.seq
  RETURN collect(c {.id, .seq, .action, .scope, .record, .dataset, .before, .after}) AS changes
}
RETURN last, coalesce(changes, []) AS changes
