// Returns the datasets in the store, newest first: id, name, description, origin (import or curation), owner (who imported it first), counts, when each was imported and the SHA-256 of the file it came from (null if none).
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.description AS description, d.format AS format, coalesce(d.origin, 'import') AS origin, d.owner AS owner, d.seq AS seq,
  toString(d.importedAt) AS importedAt, d.entities AS entities, d.links AS links, d.claims AS claims, d.sources AS sources,
  d.fileSha256 AS fileSha256
ORDER BY d.seq DESC
