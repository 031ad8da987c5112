// Returns the datasets imported so far, by name.
MATCH (d:Dataset)
RETURN d.name AS name, d.description AS description
ORDER BY name
