// Returns what change $seq wrote or retired, as verdict keeping needs it (the same as comparing the dataset's state before and after the change, verdict-dataset-state.cypher, without reading either into the server): each record it made or changed (`recFrom` = $seq), each record version it replaced (`:Version`) and each record it retired (`:Retired`, `recTo` = $seq), and the ends of each link it made, changed or retired (`WAS_` copies with `recTo` = $seq). One row per id: kind 'claim' (a claim, named itself), 'wage' (a wage reference or exchange rate: the wage table changed) or 'anchor' (an id whose labour-chain neighbourhood the change reaches, and a pay report's pool).
CALL () {
  MATCH (n:Record) WHERE n.recFrom = $seq
  RETURN n.id AS id, labels(n) AS labels, n.pool AS pool
  UNION ALL
  MATCH (v:Version) WHERE v.recTo = $seq
  RETURN v.record AS id, v.wasLabels AS labels, v.pool AS pool
  UNION ALL
  MATCH (n:Retired) WHERE n.recTo = $seq
  RETURN n.id AS id, n.wasLabels AS labels, n.pool AS pool
}
WITH id, labels, CASE WHEN 'Claim' IN labels THEN 'claim' WHEN 'WageReference' IN labels OR 'ExchangeRate' IN labels THEN 'wage' ELSE 'anchor' END AS kind, pool
UNWIND CASE WHEN kind = 'anchor' AND pool IS NOT NULL THEN [id, pool] ELSE [id] END AS touched
RETURN DISTINCT kind, touched AS id
UNION
MATCH (a)-[r]->(b) WHERE r.recFrom = $seq OR r.recTo = $seq
UNWIND [a.id, b.id] AS id
RETURN DISTINCT 'anchor' AS kind, id
