// Returns every node (labels, properties, each property's Cypher type) and every relationship (type, its ends' ids, properties and their types) of the store, retired links (`WAS_*`) left out: for tests that compare two stores loaded two ways.
CALL () {
  MATCH (n)
  RETURN collect({labels: labels(n), props: properties(n), types: [k IN keys(n) | k + ': ' + valueType(n[k])]}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) WHERE NOT type(r) STARTS WITH 'WAS_'
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r), types: [k IN keys(r) | k + ': ' + valueType(r[k])]}) AS links
}
RETURN nodes, links
