// Deletes every node and link, in batches so a large graph does not need one huge transaction; returns nothing.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 2000 ROWS
