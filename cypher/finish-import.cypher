// Records that dataset $dataset now holds this version: newest of all (its records win where datasets share one), with its name, origin (import or curation), owner (who imported it first; kept), counts, time and the SHA-256 of the file it came from ($fileSha256; null when it did not come from a file); returns its sequence number.
MERGE (d:Dataset {id: $dataset})
WITH d
OPTIONAL MATCH (o:Dataset) WHERE o <> d
WITH d, max(o.seq) AS top
SET d.seq = coalesce(top, 0) + 1, d.name = $name, d.origin = $origin, d.owner = coalesce(d.owner, $owner), d.format = $format, d.description = $description,
  d.importedAt = datetime(), d.entities = $entities, d.links = $links, d.claims = $claims, d.sources = $sources,
  d.fileSha256 = $fileSha256
RETURN d.seq AS seq
