// Returns dataset $dataset's own version of each link it asserts (its kept Assertion where another dataset's version is on screen), with type and ends, for curation.
MATCH (a:Entity)-[r]->(b:Entity) WHERE $dataset IN r.datasets AND NOT type(r) STARTS WITH 'WAS_'
OPTIONAL MATCH (x:Assertion {dataset: $dataset, record: 'link:' + type(r) + ':' + r.id})
RETURN type(r) AS type, a.id AS from, b.id AS to, CASE WHEN x IS NULL THEN properties(r) ELSE properties(x) END AS props
ORDER BY r.id
