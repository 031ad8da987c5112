// Whether an import is being written in batches (docs/versioning.md, "Imports in bounded memory"): `staging` is the seq
// of the change being written, `visible` the last change readers may see meanwhile; both null (one row) otherwise.
OPTIONAL MATCH (k:ChangeCounter {singleton: true})
RETURN k.staging AS staging, k.visible AS visible
