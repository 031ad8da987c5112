// Takes the store's import lock for the transaction it runs in: a second import waits here until the first commits or rolls back; returns nothing.
MERGE (l:ImportLock {singleton: true})
SET l.holder = $holder, l.since = datetime()
