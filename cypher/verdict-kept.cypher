// Returns the verdict kept for claim $claimId (:Verdict), or nothing: for tests and `deep-labour` checks.
MATCH (v:Verdict {claimId: $claimId})
RETURN v.verdict AS verdict, v.sinceSeq AS sinceSeq, v.since AS since, v.baseline AS baseline
