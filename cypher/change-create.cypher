// Records one change to the evidence (who, when, which dataset and record, the state before and after as JSON, why, and its review status) under the next change number; returns it.
MERGE (k:ChangeCounter {singleton: true})
SET k.seq = coalesce(k.seq, 0) + 1
CREATE (c:Change {
  id: 'change-' + toString(k.seq), seq: k.seq, at: datetime(), author: $author, role: $role, dataset: $dataset, reason: $reason,
  summary: $summary, action: $action, record: $record, scope: $scope, before: $before, after: $after, status: $status,
  revertOf: $revertOf, counts: $counts
})
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt)} AS change
