// Deletes every record, link, dataset and assertion in one transaction (a whole-store replace); keeps the store's identity, test marker, import bookkeeping, API tokens, the history of changes and of verdicts, editors' retractions and saved investigations; returns nothing.
MATCH (n)
WHERE NOT n:StoreIdentity AND NOT n:TestMarker AND NOT n:ImportLock AND NOT n:ImportJournal
  AND NOT n:ApiToken AND NOT n:Change AND NOT n:ChangeCounter AND NOT n:Retraction AND NOT n:Investigation
  AND NOT n:Verdict AND NOT n:VerdictChange AND NOT n:VerdictCounter AND NOT n:VerdictBaseline
DETACH DELETE n
