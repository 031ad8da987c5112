// Returns the store's identity (written when this project created the store), or no row.
MATCH (s:StoreIdentity)
RETURN s.id AS id, s.createdAt AS createdAt
