// Returns the test marker of a database that tests may empty and fill, or no row.
MATCH (m:TestMarker)
RETURN m.createdAt AS createdAt
LIMIT 1
