// Returns investigation $id with its notes (item notes as JSON text), or nothing.
MATCH (i:Investigation {id: $id})
RETURN i {.id, .name, .owner, .view, .notes, .itemNotes, createdAt: toString(i.createdAt), updatedAt: toString(i.updatedAt)} AS investigation
