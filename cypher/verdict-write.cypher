// Keeps each judged claim's verdict ($rows: claimId, verdict or null when the claim is gone, explanation, evidence link ids and their types, subject, by, the day it was judged for, the small-group threshold, its evidence links that had no source) as its :Verdict, and records each verdict that changed as a :VerdictChange (old → new, the change $changeId / $seq that caused it, the deciding evidence then); with $baseline the verdicts are kept and nothing is recorded as a change. Returns how many changed.
UNWIND $rows AS row
OPTIONAL MATCH (v:Verdict {claimId: row.claimId})
WITH row, v, v.verdict AS old, coalesce(row.subject, v.subject) AS subject, coalesce(row.by, v.by) AS by
// Gone: the claim is no longer in the store.
CALL (row, v) {
  WITH row, v WHERE row.verdict IS NULL AND v IS NOT NULL
  DELETE v
}
// Current: the verdict with its evidence now; "since" moves only when the verdict changes.
CALL (row, old) {
  WITH row, old WHERE row.verdict IS NOT NULL
  MERGE (n:Verdict {claimId: row.claimId})
  SET n.verdict = row.verdict, n.explanation = row.explanation, n.evidence = row.evidence, n.subject = row.subject, n.by = row.by,
      n.judgedOn = row.judgedOn, n.minPoolSize = row.minPoolSize, n.unsourced = row.unsourced, n.evidenceTypes = row.evidenceTypes,
      n.baseline = CASE WHEN old IS NULL THEN $baseline ELSE n.baseline END
  WITH n WHERE old IS NULL OR old <> row.verdict
  SET n.sinceSeq = $seq, n.since = $changeId, n.at = datetime()
}
WITH row, old, subject, by WHERE NOT $baseline AND coalesce(old, '') <> coalesce(row.verdict, '')
WITH collect({row: row, old: old, subject: subject, by: by}) AS changed
// Numbered in one step (a counter read per row would be read before any row's write).
MERGE (k:VerdictCounter {singleton: true})
WITH changed, coalesce(k.n, 0) AS first, k
SET k.n = first + size(changed)
WITH changed, first
UNWIND range(0, size(changed) - 1) AS i
WITH changed[i] AS x, first + i + 1 AS n
CREATE (vc:VerdictChange {
  n: n, claimId: x.row.claimId, subject: x.subject, by: x.by, old: x.old, new: x.row.verdict, seq: $seq, changeId: $changeId,
  at: datetime(), explanation: x.row.explanation, evidence: x.row.evidence
})
RETURN count(vc) AS recorded
