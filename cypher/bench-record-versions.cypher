// The benchmark's census of records' versions (docs/versioning.md): current records, `:Version` nodes and `:Retired` records, from the count store.
RETURN COUNT { (:Record) } AS records, COUNT { (:Version) } AS versions, COUNT { (:Retired) } AS retired
