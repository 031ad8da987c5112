// Returns every source, entity, claim, pay report, wage reference and exchange rate with its properties, for export, in a stable order.
MATCH (n)
WHERE n:Source OR n:Entity OR n:Claim OR n:PayReport OR n:WageReference OR n:ExchangeRate
RETURN head([l IN labels(n) WHERE l IN ['Source', 'Organization', 'WorkerPool', 'Task', 'AIProduct', 'Claim', 'PayReport', 'WageReference', 'ExchangeRate']]) AS label, properties(n) AS props
ORDER BY label, n.id
