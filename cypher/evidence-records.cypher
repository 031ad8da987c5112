// The current records among $ids, with their labels and properties (their stored `h` among them), for the evidence digest: read before a write to know the `h` it retires, and after it to stamp the new `h` (docs/versioning.md).
UNWIND $ids AS id
MATCH (n:Record {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
