// Returns whether the store holds a dataset with id $dataset (only then can a record or link name it as an owner: every import, edit and removal writes or deletes the Dataset in the same transaction).
OPTIONAL MATCH (d:Dataset {id: $dataset})
RETURN d IS NOT NULL AS known
