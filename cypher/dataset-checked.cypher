// Clears dataset $dataset's recheck mark: an edit has just read, checked and written it whole; returns nothing.
MATCH (d:Dataset {id: $dataset})
REMOVE d.recheck
