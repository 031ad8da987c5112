// Returns the ids of the records in a batch of dataset $dataset's rows ($rows, as upsert-records takes them) that upsert-records would leave exactly as they are: the store holds the record with the row's kind among its labels, its properties other than `recFrom` and `h` are the row's with `datasets` = [$dataset] (so $dataset alone asserts it), and no Assertion keeps $dataset's version of it (the upsert would delete one; today's writes leave none at a record or link one dataset alone asserts). Read-only, run just before the batch's upsert in the same transaction, so that a re-import neither sends nor writes what it says again (docs/performance.md).
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
WITH n, row, properties(n) AS was, row.props AS given
WITH n, row, was, given {.*, datasets: [$dataset]} AS now
WHERE row.label IN labels(n)
  AND all(k IN keys(was) + keys(now) WHERE k IN ['recFrom', 'h'] OR coalesce(was[k] = now[k], was[k] IS NULL AND now[k] IS NULL))
  AND NOT EXISTS { MATCH (:Assertion {dataset: $dataset, record: row.id}) }
RETURN collect(row.id) AS unchanged
