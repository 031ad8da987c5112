// Returns whether editors have retracted anything in this store (a count from the store's statistics): an import skips its retraction look-up when not.
MATCH (t:Retraction)
RETURN count(t) > 0 AS any
