// Returns the record with id $id as the store holds it: a node (its label, properties, kept Assertions, and how many links and claims use it) or links of any type with that id (type, ends, properties, kept Assertions); nothing when none has it.
CALL () {
  MATCH (n:Record {id: $id})
  RETURN elementId(n) AS element, 'node' AS shape,
    head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'Claim', 'PayReport', 'WageReference', 'ExchangeRate']]) AS label,
    null AS from, null AS to, properties(n) AS props,
    COLLECT { MATCH (x:Assertion {record: n.id}) RETURN properties(x) } AS assertions,
    COUNT { (n)-[:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON|SUBCONTRACTS_FOR|PERFORMED_BY|EXECUTED_ON|ORDERED_BY|FEEDS|OWNED_BY|PART_OF|OVERLAPS_WITH|CONTROLLED_BY]-() } AS links,
    COUNT { (n)<-[:MADE_BY|ABOUT]-(:Claim) } AS claims
  UNION
  MATCH (a)-[r:RECRUITED_VIA {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'RECRUITED_VIA' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:RECRUITED_VIA:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:CONTRACTED_BY {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'CONTRACTED_BY' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:CONTRACTED_BY:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:WORKS_ON {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'WORKS_ON' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:WORKS_ON:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:SUBCONTRACTS_FOR {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'SUBCONTRACTS_FOR' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:SUBCONTRACTS_FOR:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:PERFORMED_BY {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'PERFORMED_BY' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:PERFORMED_BY:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:EXECUTED_ON {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'EXECUTED_ON' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:EXECUTED_ON:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:ORDERED_BY {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'ORDERED_BY' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:ORDERED_BY:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:FEEDS {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'FEEDS' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:FEEDS:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:OWNED_BY {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'OWNED_BY' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:OWNED_BY:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:PART_OF {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'PART_OF' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:PART_OF:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:OVERLAPS_WITH {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'OVERLAPS_WITH' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:OVERLAPS_WITH:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
  UNION
  MATCH (a)-[r:CONTROLLED_BY {id: $id}]->(b)
  RETURN elementId(r) AS element, 'link' AS shape, 'CONTROLLED_BY' AS label, a.id AS from, b.id AS to, properties(r) AS props,
    COLLECT { MATCH (x:Assertion {record: 'link:CONTROLLED_BY:' + r.id}) RETURN properties(x) } AS assertions, 0 AS links, 0 AS claims
}
RETURN element, shape, label, from, to, props, assertions, links, claims
