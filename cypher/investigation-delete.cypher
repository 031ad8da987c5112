// Deletes investigation $id when $owner saved it or $admin; returns how many were deleted, and whether it exists at all.
OPTIONAL MATCH (i:Investigation {id: $id})
WITH i, i IS NOT NULL AS found, i IS NOT NULL AND (i.owner = $owner OR $admin) AS allowed
CALL (i, allowed) {
  WITH i WHERE allowed
  DELETE i
}
RETURN found, allowed
