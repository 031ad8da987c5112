// Keeps the scorecard indicators $facts (JSON) of $organizationId, computed for day $asOf with $minPoolSize (one card per organisation and day; the eight kept last of an organisation's stay) by audit-facts.cypher ($formula), with every record they can depend on (`reads`: ids, whatever the links' dates; cards-dropped.cypher finds a card from them), unless the store changed after change $seq, the last one before they were computed: the change counter's lock is taken first, so a change being written either commits before (its seq then differs and nothing is kept) or after (and deletes the card in its own transaction if it can alter it). Nor while an import is being staged (its batches are in the links it would read: docs/versioning.md). Returns whether it kept them and how many ids they read.
// What the indicators read, seen from the organisation S: the organisations whose subcontracting reaches S within 11 links and the worker pools with a recruiting, contracting or execution link to one of them (the workforce's chains), S's own pools' first hops and every organisation within 12 subcontracting links of those (the chains' search), and the tasks the workforce performs.
MATCH (counter:ChangeCounter {singleton: true})
SET counter.cardsKept = coalesce(counter.cardsKept, 0) + 1
WITH counter WHERE coalesce(counter.seq, 0) = $seq AND counter.staging IS NULL
MATCH (s:Organization {id: $organizationId})
CALL (s) {
  MATCH (s)<-[:SUBCONTRACTS_FOR*0..11]-(o:Organization)
  WITH DISTINCT o
  RETURN collect(o) AS upstream
}
CALL (upstream) {
  UNWIND upstream AS o
  MATCH (w:WorkerPool)-[:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON]->(o)
  WITH DISTINCT w
  RETURN collect(w) AS pools
}
CALL (s) {
  MATCH (p:WorkerPool)-[:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON]->(s)
  WITH DISTINCT p
  MATCH (p)-[:RECRUITED_VIA|CONTRACTED_BY|WORKS_ON]->(o0:Organization)
  WITH DISTINCT o0
  MATCH (o0)-[:SUBCONTRACTS_FOR*0..12]->(n:Organization)
  WITH DISTINCT n
  RETURN collect(n) AS searched
}
CALL (pools) {
  UNWIND pools AS w
  MATCH (t:Task)-[:PERFORMED_BY]->(w)
  WITH DISTINCT t
  RETURN collect(t) AS tasks
}
WITH s, COLLECT { UNWIND [s] + upstream + pools + searched + tasks AS n RETURN DISTINCT n.id } AS reads
MERGE (k:KeptCard {key: $organizationId + ' ' + $asOf})
SET k.organizationId = $organizationId, k.keptOn = $asOf, k.keptAt = datetime(), k.facts = $facts,
    k.minPoolSize = $minPoolSize, k.formula = $formula, k.seq = $seq, k.reads = reads
WITH k
CALL (k) {
  MATCH (old:KeptCard {organizationId: $organizationId})
  WITH old ORDER BY old.keptAt DESC SKIP 8
  DELETE old
}
RETURN true AS kept, size(k.reads) AS reads
