// Returns the store's version: a new random value each time an import, removal or edit commits (set under the import lock), or null before the first.
OPTIONAL MATCH (l:ImportLock)
RETURN l.version AS version
