// Takes the store's import lock for the transaction it runs in: a second import waits here until the first commits or rolls
// back (the lock node is unique by a constraint, so two first imports into an empty store wait for each other too).
// The store's version moves with the change the transaction records (change-create), not here; returns nothing.
MERGE (l:ImportLock {singleton: true})
SET l.holder = $holder, l.since = datetime()
