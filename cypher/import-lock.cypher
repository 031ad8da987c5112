// Takes the store's import lock for the transaction it runs in: a second import waits here until the first commits or rolls
// back (the lock node is unique by a constraint, so two first imports into an empty store wait for each other too).
// Gives the store a new version (random, so that it never repeats, even after a test empties the store); returns nothing.
MERGE (l:ImportLock {singleton: true})
SET l.holder = $holder, l.since = datetime(), l.version = randomUUID()
