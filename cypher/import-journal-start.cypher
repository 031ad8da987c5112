// Records, in its own transaction, that an import has started (so that a run killed half-way is reported by the next one); returns nothing.
CREATE (:ImportJournal {token: $token, dataset: $dataset, action: $action, pid: $pid, host: $host, startedAt: datetime()})
