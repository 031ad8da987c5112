// Deletes every record of the graph (entities, links, sources, claims, datasets and their bookkeeping), in batches; keeps the store's identity and test marker; returns nothing.
MATCH (n)
WHERE NOT n:StoreIdentity AND NOT n:TestMarker
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 2000 ROWS
