// Marks a database the tests created as theirs to empty and fill; returns nothing.
MERGE (m:TestMarker {singleton: true})
ON CREATE SET m.createdAt = datetime()
