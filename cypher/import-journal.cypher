// Returns the imports that started and have not finished (running now, or stopped half-way and rolled back by Neo4j).
MATCH (j:ImportJournal)
RETURN j.token AS token, j.dataset AS dataset, j.action AS action, j.pid AS pid, j.host AS host, toString(j.startedAt) AS startedAt
ORDER BY j.startedAt
