// Deletes every record, link, dataset and assertion in one transaction (a whole-store replace); keeps the store's identity, test marker and import bookkeeping; returns nothing.
MATCH (n)
WHERE NOT n:StoreIdentity AND NOT n:TestMarker AND NOT n:ImportLock AND NOT n:ImportJournal
DETACH DELETE n
