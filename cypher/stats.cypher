// Returns the number of nodes per label and of links per type (from Neo4j's count store), claims and sources.
RETURN [
  {name: 'Organization', count: COUNT { (:Organization) }},
  {name: 'WorkerPool', count: COUNT { (:WorkerPool) }},
  {name: 'Task', count: COUNT { (:Task) }},
  {name: 'AIProduct', count: COUNT { (:AIProduct) }}
] AS nodes, [
  {name: 'RECRUITED_VIA', count: COUNT { ()-[:RECRUITED_VIA]->() }},
  {name: 'CONTRACTED_BY', count: COUNT { ()-[:CONTRACTED_BY]->() }},
  {name: 'WORKS_ON', count: COUNT { ()-[:WORKS_ON]->() }},
  {name: 'SUBCONTRACTS_FOR', count: COUNT { ()-[:SUBCONTRACTS_FOR]->() }},
  {name: 'PERFORMED_BY', count: COUNT { ()-[:PERFORMED_BY]->() }},
  {name: 'EXECUTED_ON', count: COUNT { ()-[:EXECUTED_ON]->() }},
  {name: 'ORDERED_BY', count: COUNT { ()-[:ORDERED_BY]->() }},
  {name: 'FEEDS', count: COUNT { ()-[:FEEDS]->() }},
  {name: 'OWNED_BY', count: COUNT { ()-[:OWNED_BY]->() }},
  {name: 'PART_OF', count: COUNT { ()-[:PART_OF]->() }},
  {name: 'OVERLAPS_WITH', count: COUNT { ()-[:OVERLAPS_WITH]->() }},
  {name: 'CONTROLLED_BY', count: COUNT { ()-[:CONTROLLED_BY]->() }}
] AS links, COUNT { (:Claim) } AS claims, COUNT { (:Source) } AS sources
