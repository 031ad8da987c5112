// Sets the review status of change $id ($status: accepted, rejected or reverted) with who did it ($by), when, and the change that did it ($through); returns it.
MATCH (c:Change {id: $id})
SET c.status = $status, c.reviewedBy = $by, c.reviewedAt = datetime(), c.settledBy = $through
RETURN c {.*, at: toString(c.at), reviewedAt: toString(c.reviewedAt)} AS change
