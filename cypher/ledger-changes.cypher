// One page of the ledger for deep-labour verify: up to $limit changes after seq $after, in seq order, each with its stored properties (`at` as text, as change-create hashed it).
MATCH (c:Change)
WHERE c.seq > $after
RETURN c {.*, at: toString(c.at)} AS stored
ORDER BY c.seq
LIMIT $limit
