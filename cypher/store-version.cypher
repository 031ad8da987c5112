// Returns the store's version: a new random value each time a published change commits (an import, removal, edit, retraction, revert or accept; not a proposal waiting for review, nor its rejection), or null before the first.
OPTIONAL MATCH (l:ImportLock)
RETURN l.version AS version
