// Puts back a retracted record or link as it was ($shape node or link, $label, ends $from and $to, properties $props, kept $assertions), owned by those of its datasets still in the store, and lifts the Retraction under $key; it comes back made by change $seq (`recFrom`; a record as a new node, its retired one left as it was, each Assertion stamped `recFrom` = $seq too); returns how many were restored. The version on screen is that of its owner imported or edited last, as every write leaves it (upsert-records): when that owner's version was a kept Assertion at the retraction (an owner re-imported or removed since), its Assertion comes back on screen and the version that was on screen is kept as its dataset's Assertion, if that dataset is still in the store.
MATCH (t:Retraction {key: $key})
DELETE t
WITH [d IN coalesce($props.datasets, []) WHERE EXISTS { MATCH (:Dataset {id: d}) }] AS owners
OPTIONAL CALL (owners) {
  UNWIND owners AS owner
  MATCH (d:Dataset {id: owner})
  RETURN d.id AS top ORDER BY d.seq DESC LIMIT 1
}
WITH owners, top, $props AS onScreen, [k IN $assertions WHERE k.dataset = top][0] AS topKept,
  [d IN coalesce($props.datasets, []) WHERE NOT d IN [k IN $assertions | k.dataset]][0] AS shownBy
WITH owners, CASE WHEN topKept IS NULL THEN onScreen ELSE topKept {.*, dataset: null, record: null, recFrom: null} END AS shown,
  CASE WHEN topKept IS NULL THEN $assertions
    ELSE [k IN $assertions WHERE k.dataset <> top]
      + CASE WHEN shownBy IN owners THEN [onScreen {.*, datasets: null, recFrom: null, h: null, dataset: shownBy, record: $key}] ELSE [] END
  END AS kept
CALL (owners, shown) {
  WITH owners, shown WHERE $shape = 'node'
  CREATE (n:Record)
  SET n = shown, n.datasets = owners, n.recFrom = $seq
  SET n:$($labels)
  RETURN 1 AS made
  UNION
  WITH owners, shown WHERE $shape = 'link'
  MATCH (a:Record {id: $from}), (b:Record {id: $to})
  CREATE (a)-[r:$($label)]->(b)
  SET r = shown, r.datasets = owners, r.recFrom = $seq
  RETURN 1 AS made
}
CALL (owners, kept) {
  UNWIND kept AS k
  WITH k WHERE k.dataset IN owners
  CREATE (x:Assertion)
  SET x = k, x.recFrom = $seq
}
RETURN count(made) AS restored
