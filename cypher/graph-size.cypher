// Returns how many entities, links and claims the graph holds (an empty database answers zeros).
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS links }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
RETURN entities, links, claims
