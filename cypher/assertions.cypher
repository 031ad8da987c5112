// Returns the kept versions of shared records (which dataset, which record): none remain once a record has one dataset.
MATCH (a:Assertion)
RETURN a.dataset AS dataset, a.record AS record
ORDER BY dataset, record
