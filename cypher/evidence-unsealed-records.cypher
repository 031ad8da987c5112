// The ids of the current records that carry no `h` (made before the evidence digest, or added outside the explorer), for `deep-labour verify --seal-evidence`.
MATCH (n:Record)
WHERE n.h IS NULL
RETURN n.id AS id
ORDER BY id
