// Returns the kept verdict (:Verdict) of each claim in $claimIds that has one: claim id and verdict.
MATCH (v:Verdict)
WHERE v.claimId IN $claimIds
RETURN v.claimId AS claimId, v.verdict AS verdict
