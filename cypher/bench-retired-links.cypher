// Benchmark (bench/recorded-cost.ts): how many retired links (`WAS_*`) the scratch store holds; returns the count.
MATCH ()-[r]->() WHERE type(r) STARTS WITH 'WAS_'
RETURN count(r) AS retired
