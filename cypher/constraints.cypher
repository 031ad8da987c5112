// Returns the uniqueness constraints of the store: name, label or link type, and property, in name order.
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS']
RETURN name, labelsOrTypes[0] AS on, properties[0] AS property
ORDER BY name
