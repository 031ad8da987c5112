// Returns every record and link dataset $dataset asserts as the store shows it now (id, label or type, ends, properties), so that verdict keeping can tell what an import or a removal of it changed.
CALL () {
  MATCH (n:Record) WHERE $dataset IN n.datasets
  RETURN n.id AS key, head([l IN labels(n) WHERE l IN ['Claim', 'WageReference', 'ExchangeRate', 'PayReport']]) AS label, null AS from, null AS to, properties(n) AS props
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity) WHERE $dataset IN r.datasets AND NOT type(r) STARTS WITH 'WAS_'
  RETURN type(r) + ':' + r.id AS key, type(r) AS label, a.id AS from, b.id AS to, properties(r) AS props
}
RETURN key, label, from, to, props
