// Returns the seq of the last change recorded at or before moment $at (null when none; by the index on Change.at) and the moment of the store's first change (null in a store without changes): what `recordedAt` reads the store as of (docs/versioning.md).
OPTIONAL CALL () {
  MATCH (c:Change) WHERE c.at <= datetime($at)
  RETURN c.seq AS seq ORDER BY c.at DESC, c.seq DESC LIMIT 1
}
OPTIONAL CALL () {
  MATCH (f:Change) WHERE f.at IS NOT NULL
  RETURN toString(f.at) AS first ORDER BY f.at LIMIT 1
}
RETURN seq, first
