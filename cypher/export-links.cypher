// Returns every dataset link with its type, ends and properties, for export, in a stable order.
MATCH (a:Entity)-[r:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY|PART_OF|OVERLAPS_WITH|CONTROLLED_BY]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY r.id
