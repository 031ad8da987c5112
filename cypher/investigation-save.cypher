// Creates investigation $id, or replaces it when $owner saved it or $admin, unless its owner would then hold more than $maxCount investigations or $maxBytes in all; returns it (null when over a quota) with the owner's other investigations and their size, or nothing when it belongs to someone else.
OPTIONAL MATCH (old:Investigation {id: $id})
WITH old WHERE old IS NULL OR old.owner = $owner OR $admin
WITH old, coalesce(old.owner, $owner) AS owner
// One owner's saves run one at a time (each takes the write lock of the owner's quota), so two at once cannot both pass the check.
MERGE (q:InvestigationQuota {owner: owner})
SET q.savedAt = datetime()
WITH owner
OPTIONAL MATCH (other:Investigation {owner: owner})
WHERE other.id <> $id
// Investigations saved before sizes were kept count by their characters.
WITH owner, count(other) AS others,
     sum(coalesce(other.bytes, size(other.name) + size(other.view) + size(coalesce(other.notes, '')) + size(coalesce(other.itemNotes, '')))) AS otherBytes
CALL (owner, others, otherBytes) {
  WITH owner WHERE others + 1 <= $maxCount AND otherBytes + $bytes <= $maxBytes
  MERGE (i:Investigation {id: $id})
  ON CREATE SET i.owner = owner, i.createdAt = datetime()
  SET i.name = $name, i.view = $view, i.notes = $notes, i.itemNotes = $itemNotes, i.bytes = $bytes, i.updatedAt = datetime()
  RETURN collect(i {.id, .name, .owner, .view, .notes, .itemNotes, createdAt: toString(i.createdAt), updatedAt: toString(i.updatedAt)}) AS saved
}
RETURN saved[0] AS investigation, others, otherBytes
