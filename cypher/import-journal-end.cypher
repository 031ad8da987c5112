// Deletes an import's journal entry (inside the import's own transaction, so it goes exactly when the import commits); returns nothing.
MATCH (j:ImportJournal {token: $token})
DELETE j
