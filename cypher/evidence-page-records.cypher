// One page of the current records for deep-labour verify: up to $limit records of id greater than $after, in id order, with their labels and properties (their stored `h` among them).
MATCH (n:Record)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.id
LIMIT $limit
