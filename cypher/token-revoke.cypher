// Revokes the API token named $name (it stops working at once; kept so that the history's names stay explained); returns its name, or nothing when no token has that name.
MATCH (t:ApiToken {name: $name})
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t.name AS name
