// Creates investigation $id, or replaces it when $owner saved it or $admin; returns it, or nothing when it belongs to someone else.
OPTIONAL MATCH (old:Investigation {id: $id})
WITH old WHERE old IS NULL OR old.owner = $owner OR $admin
MERGE (i:Investigation {id: $id})
ON CREATE SET i.owner = $owner, i.createdAt = datetime()
SET i.name = $name, i.view = $view, i.notes = $notes, i.itemNotes = $itemNotes, i.updatedAt = datetime()
RETURN i {.id, .name, .owner, .view, .notes, .itemNotes, createdAt: toString(i.createdAt), updatedAt: toString(i.updatedAt)} AS investigation
