// Returns every source, entity, claim, pay report, wage reference and exchange rate and request for reply with its properties, for export, in a stable order.
MATCH (n)
WHERE n:Source OR n:Entity OR n:Claim OR n:PayReport OR n:WageReference OR n:ExchangeRate OR n:Reply
RETURN head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'Claim', 'PayReport', 'WageReference', 'ExchangeRate', 'Reply']]) AS label, properties(n) AS props
ORDER BY label, n.id
