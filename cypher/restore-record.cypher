// Puts back a retracted record or link as it was ($shape node or link, $label, ends $from and $to, properties $props, kept $assertions), owned by those of its datasets still in the store, and lifts the Retraction under $key; it comes back made by change $seq (`recFrom`; a record as a new node, its retired one left as it was); returns how many were restored.
MATCH (t:Retraction {key: $key})
DELETE t
WITH [d IN coalesce($props.datasets, []) WHERE EXISTS { MATCH (:Dataset {id: d}) }] AS owners
CALL (owners) {
  WITH owners WHERE $shape = 'node'
  CREATE (n:Record)
  SET n = $props, n.datasets = owners, n.recFrom = $seq
  SET n:$($labels)
  RETURN 1 AS made
  UNION
  WITH owners WHERE $shape = 'link'
  MATCH (a:Record {id: $from}), (b:Record {id: $to})
  CREATE (a)-[r:$($label)]->(b)
  SET r = $props, r.datasets = owners, r.recFrom = $seq
  RETURN 1 AS made
}
CALL (owners) {
  UNWIND $assertions AS kept
  WITH kept WHERE kept.dataset IN owners
  CREATE (x:Assertion)
  SET x = kept
}
RETURN count(made) AS restored
