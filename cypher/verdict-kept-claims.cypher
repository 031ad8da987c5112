// Returns the id of every claim whose verdict is kept (:Verdict): a whole-store replace judges them all again, and those no longer in the store lose theirs.
MATCH (v:Verdict)
RETURN v.claimId AS claimId
