// Deletes the record of dataset $dataset (after its records were dropped); returns how many were deleted.
MATCH (d:Dataset {id: $dataset})
DELETE d
RETURN count(*) AS deleted
