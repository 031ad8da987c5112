// Returns every API token's name, role, when it was made and by whom and whether it is revoked (never its hash).
MATCH (t:ApiToken)
RETURN t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt, t.createdBy AS createdBy, toString(t.revokedAt) AS revokedAt
ORDER BY t.createdAt
