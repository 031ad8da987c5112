// Returns the investigations $owner saved (all when $all), most recently saved first (then by id), after the one saved at $afterTime with id $afterId when given, at most $first.
MATCH (i:Investigation)
WHERE ($all OR i.owner = $owner)
  AND ($afterTime IS NULL OR i.updatedAt < datetime($afterTime) OR (i.updatedAt = datetime($afterTime) AND i.id > $afterId))
RETURN i {.id, .name, .owner, .view, .notes, .itemNotes, createdAt: toString(i.createdAt), updatedAt: toString(i.updatedAt)} AS investigation
ORDER BY i.updatedAt DESC, i.id ASC
LIMIT $first
