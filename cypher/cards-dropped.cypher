// Deletes the kept scorecard indicators (:KeptCard) a change to the evidence can alter, in the change's transaction: every card when $all, else each card that read one of the records the Lucene query $reads names (their ids, quoted, joined by OR: kept-cards.ts) in the full-text index on the ids it read. Returns how many went.
CALL () {
  WITH 1 AS one WHERE $all
  MATCH (k:KeptCard)
  RETURN k
  UNION
  WITH 1 AS one WHERE NOT $all
  CALL db.index.fulltext.queryNodes('kept_card_reads', $reads) YIELD node
  RETURN node AS k
}
WITH DISTINCT k
DELETE k
RETURN count(*) AS dropped
