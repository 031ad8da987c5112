// Stores a new API token: its name, role and the hash of its secret (never the secret); returns its name, or nothing when the name is taken.
OPTIONAL MATCH (t:ApiToken {name: $name})
WITH t WHERE t IS NULL
CREATE (n:ApiToken {name: $name, role: $role, hash: $hash, createdAt: datetime(), createdBy: $by})
RETURN n.name AS name
