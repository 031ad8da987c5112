// Records that a dataset was imported, by name; returns nothing.
MERGE (d:Dataset {name: $name})
SET d.format = $format, d.description = $description
