// Records that curated dataset $dataset now holds the version one edit made, as finish-import does for a whole version (newest of all, name, origin, owner kept, time), its counts moved by $delta (entities, links, claims, sources) instead of counted again, and no longer the version of any file; returns its sequence number.
MATCH (d:Dataset {id: $dataset})
OPTIONAL MATCH (o:Dataset) WHERE o <> d
WITH d, max(o.seq) AS top
SET d.seq = coalesce(top, 0) + 1, d.name = $name, d.origin = $origin, d.owner = coalesce(d.owner, $owner), d.format = $format, d.description = $description,
  d.importedAt = datetime(), d.entities = d.entities + $delta.entities, d.links = d.links + $delta.links, d.claims = d.claims + $delta.claims,
  d.sources = d.sources + $delta.sources, d.fileSha256 = null
RETURN d.seq AS seq
