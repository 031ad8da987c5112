// Returns the name, role and hash of the unrevoked API token whose secret hashes to $hash, or nothing.
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t.name AS name, t.role AS role, t.hash AS hash
