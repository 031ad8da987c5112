// Returns, for each incoming link id ($ids: type → ids) that the store already holds under that type, its stored ends, its datasets other than $dataset and whether $dataset asserts it; read-only, before an import writes anything (conflicts, and which links are new, are decided from it). Types the store holds no link of are not looked up (a count from the store's statistics).
CALL () {
  MATCH ()-[any:RECRUITED_VIA]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.RECRUITED_VIA, []) ELSE [] END AS id
  MATCH (a)-[r:RECRUITED_VIA {id: id}]->(b)
  RETURN 'RECRUITED_VIA' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:CONTRACTED_BY]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.CONTRACTED_BY, []) ELSE [] END AS id
  MATCH (a)-[r:CONTRACTED_BY {id: id}]->(b)
  RETURN 'CONTRACTED_BY' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:WORKS_ON]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.WORKS_ON, []) ELSE [] END AS id
  MATCH (a)-[r:WORKS_ON {id: id}]->(b)
  RETURN 'WORKS_ON' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:SUBCONTRACTS_FOR]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.SUBCONTRACTS_FOR, []) ELSE [] END AS id
  MATCH (a)-[r:SUBCONTRACTS_FOR {id: id}]->(b)
  RETURN 'SUBCONTRACTS_FOR' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:PERFORMED_BY]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.PERFORMED_BY, []) ELSE [] END AS id
  MATCH (a)-[r:PERFORMED_BY {id: id}]->(b)
  RETURN 'PERFORMED_BY' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:EXECUTED_ON]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.EXECUTED_ON, []) ELSE [] END AS id
  MATCH (a)-[r:EXECUTED_ON {id: id}]->(b)
  RETURN 'EXECUTED_ON' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:ORDERED_BY]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.ORDERED_BY, []) ELSE [] END AS id
  MATCH (a)-[r:ORDERED_BY {id: id}]->(b)
  RETURN 'ORDERED_BY' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:FEEDS]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.FEEDS, []) ELSE [] END AS id
  MATCH (a)-[r:FEEDS {id: id}]->(b)
  RETURN 'FEEDS' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:OWNED_BY]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.OWNED_BY, []) ELSE [] END AS id
  MATCH (a)-[r:OWNED_BY {id: id}]->(b)
  RETURN 'OWNED_BY' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:PART_OF]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.PART_OF, []) ELSE [] END AS id
  MATCH (a)-[r:PART_OF {id: id}]->(b)
  RETURN 'PART_OF' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:OVERLAPS_WITH]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.OVERLAPS_WITH, []) ELSE [] END AS id
  MATCH (a)-[r:OVERLAPS_WITH {id: id}]->(b)
  RETURN 'OVERLAPS_WITH' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
  UNION ALL
  MATCH ()-[any:CONTROLLED_BY]->()
  WITH count(any) AS stored
  UNWIND CASE WHEN stored > 0 THEN coalesce($ids.CONTROLLED_BY, []) ELSE [] END AS id
  MATCH (a)-[r:CONTROLLED_BY {id: id}]->(b)
  RETURN 'CONTROLLED_BY' AS type, id, r.datasets AS owners, a.id AS storedFrom, b.id AS storedTo
}
WITH type, id, storedFrom, storedTo, coalesce(owners, []) AS owners
RETURN type, id, storedFrom, storedTo, [x IN owners WHERE x <> $dataset] AS others, $dataset IN owners AS ours
