// Returns how many records and links the store holds (counts from the store's statistics): an import into a store that holds none has nothing to conflict with and skips its look-ups.
CALL () { MATCH (n:Record) RETURN count(n) AS records }
CALL () { MATCH ()-[r]->() RETURN count(r) AS links }
RETURN records, links
