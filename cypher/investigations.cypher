// Returns the investigations $owner saved (all when $all), most recently saved first, at most $first.
MATCH (i:Investigation)
WHERE $all OR i.owner = $owner
RETURN i {.id, .name, .owner, .view, .notes, .itemNotes, createdAt: toString(i.createdAt), updatedAt: toString(i.updatedAt)} AS investigation
ORDER BY i.updatedAt DESC
LIMIT $first
