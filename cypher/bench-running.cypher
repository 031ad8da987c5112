// Benchmark (npm run bench): how many queries the store is running besides this one, so that a load run does not start while the last one's abandoned questions still run.
SHOW TRANSACTIONS YIELD currentQuery
WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS YIELD currentQuery'
RETURN count(*) AS running
