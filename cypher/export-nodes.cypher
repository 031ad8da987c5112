// Returns every source, entity and claim with its properties, for export, in a stable order.
MATCH (n)
WHERE n:Source OR n:Entity OR n:Claim
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY label, n.id
