// Returns how many entities, links and claims the graph holds (an empty database answers zeros); retired links (`WAS_*`) are not counted.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE NOT type(r) STARTS WITH 'WAS_' RETURN count(r) AS links }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
RETURN entities, links, claims
